package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SearchField;
import com.pagenow.userapi.application.readmodel.SearchText;
import com.pagenow.userapi.application.readmodel.UserSummary;
import com.pagenow.userapi.domain.user.UserId;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Bench helper (not part of the project): renders the repository's SQL. */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser("postgres");
        List<String> sql = new ArrayList<>();
        DefaultConfiguration cfg = new DefaultConfiguration();
        cfg.set(ds).set(SQLDialect.POSTGRES).set(new Settings().withExecuteLogging(false));
        cfg.set(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                sql.add(DSL.using(SQLDialect.POSTGRES).renderInlined(ctx.query()));
            }
        });
        DSLContext dsl = DSL.using(cfg);
        JooqUserSearchRepository repo = new JooqUserSearchRepository(new JooqContext(dsl, null));
        SearchField field = SearchField.valueOf(args[2]);
        List<UserSummary> found = args.length > 5 && args[5].equals("friends")
                ? repo.searchFriends(UserId.of(args[1]), field, SearchText.of(args[3]), false, PageRequest.of(Integer.parseInt(args[4]), 0))
                : repo.search(UserId.of(args[1]), field, SearchText.of(args[3]), PageRequest.of(Integer.parseInt(args[4]), 0));
        System.out.println(sql.get(sql.size() - 1));
        System.err.println(found.size() + " rows");
    }
}
