package com.pagenow.userapi.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar user-api.jar} runs the service from its environment; {@code --dev} (or {@code dev}) runs it on
 * an embedded database with a local signing key; {@code token --user U --email E} prints a dev-mode token.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final Duration DRAIN = Duration.ofSeconds(25);

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        try {
            if (arguments.contains("token")) {
                System.out.println(DevMode.mintToken(DevMode.homeDirectory(), arguments));
                return;
            }
            if (arguments.contains("migrate")) {
                System.exit(MigrateCommand.run(System.getenv(), System.out, System.err));
            }
            if (arguments.contains("--help") || arguments.contains("-h")) {
                System.out.println(usage());
                return;
            }
            boolean dev = arguments.contains("dev") || arguments.contains("--dev");
            UserApi api = dev
                    ? DevMode.start(DevMode.homeDirectory(), System.getenv())
                    : Production.start(System.getenv());
            runUntilStopped(api);
        } catch (ConfigException badSetting) {
            System.err.println("user-api: " + badSetting.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException badArgument) {
            System.err.println("user-api: " + badArgument.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (RuntimeException startFailed) {
            LOG.debug("Start failed", startFailed);
            System.err.println("user-api: could not start: " + rootMessage(startFailed));
            System.exit(1);
        }
    }

    /** Blocks until SIGTERM or SIGINT, then drains and exits 0 (an orderly stop is not an error for ECS). */
    private static void runUntilStopped(UserApi api) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            try {
                api.stop(DRAIN);
            } finally {
                stopped.countDown();
            }
        };
        for (String signal : List.of("TERM", "INT")) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), received -> {
                LOG.info("Received SIG{}", received.getName());
                new Thread(() -> {
                    stop.run();
                    System.exit(0);
                }, "shutdown").start();
            });
        }
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure || failure.getMessage() == null ? message : failure.getMessage() + " (" + message + ")";
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: user-api                 run against DATABASE_URL and Cognito (see README)",
                "       user-api dev             run locally: embedded database in ./.user-api, local sign-in key",
                "       user-api token --user ID --email EMAIL [--ttl SECONDS]   print a dev-mode token");
    }
}
