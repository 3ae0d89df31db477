import com.pagenow.userapi.adapter.persistence.Persistence;
import com.pagenow.userapi.adapter.persistence.PersistenceSettings;

public class Migrate {
    public static void main(String[] args) {
        try (Persistence p = Persistence.start(PersistenceSettings.of(args[0], "postgres", null).withPoolSize(2))) {
            System.out.println("migrated " + args[0]);
        }
    }
}
