package com.pagenow.userapi.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar user-api.jar} runs the service from its environment; {@code dev} (or {@code --dev}) runs it on
 * an embedded database with a local signing key; {@code token --user U --email E} prints a dev-mode token;
 * {@code class-archive-training} exercises the service once for a JVM that records its classes
 * ({@link ClassArchiveTraining}); {@code help} prints the usage. Only a command's answer goes to standard output;
 * logs go to standard error.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final Duration DRAIN = Duration.ofSeconds(25);
    /** H2's "Database may be already in use": the file is locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private Main() {}

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> options = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        StartupCache.warnIfUnused();
        try {
            switch (command) {
                case "token" -> System.out.println(DevMode.mintToken(DevMode.homeDirectory(), options));
                case "migrate" -> System.exit(MigrateCommand.run(System.getenv(), System.out, System.err));
                case ClassArchiveTraining.COMMAND -> ClassArchiveTraining.run();
                case "help", "--help", "-h" -> System.out.println(usage());
                case "dev", "--dev" -> runUntilStopped(DevMode.start(DevMode.homeDirectory(), devEnvironment(options)));
                case "" -> runUntilStopped(Production.start(System.getenv()));
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            }
        } catch (ConfigException badSetting) {
            System.err.println("user-api: " + badSetting.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException badArgument) {
            System.err.println("user-api: " + badArgument.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (RuntimeException startFailed) {
            LOG.debug("Start failed", startFailed);
            System.err.println("user-api: " + explain(startFailed, command));
            System.exit(1);
        }
    }

    /** The environment, with {@code --port N} (dev mode's one option) taking the place of {@code PORT}. */
    static Map<String, String> devEnvironment(List<String> options) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        List<String> rest = new ArrayList<>(options);
        int at = rest.indexOf("--port");
        if (at >= 0) {
            if (at + 1 >= rest.size()) {
                throw new IllegalArgumentException("--port needs a port number");
            }
            environment.put("PORT", rest.remove(at + 1));
            rest.remove(at);
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("dev takes only --port N, not " + String.join(" ", rest));
        }
        return environment;
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
                new Thread(
                                () -> {
                                    stop.run();
                                    System.exit(0);
                                },
                                "shutdown")
                        .start();
            });
        }
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One line saying what went wrong and, for the two usual first-run snags, what to do. */
    static String explain(Throwable failure, String command) {
        boolean dev = command.equals("dev") || command.equals("--dev");
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException) {
                return "could not listen: the port is already in use (another user-api running?); stop it, or "
                        + (dev ? "start with --port N (or PORT=N)" : "set PORT to a free port");
            }
            if (dev && cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return "the embedded database in " + DevMode.homeDirectory() + " is open in another dev process; "
                        + "stop that one, or set USER_API_HOME to another folder";
            }
        }
        return "could not start: " + rootMessage(failure);
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
        return String.join(
                System.lineSeparator(),
                "usage: user-api                 run against DATABASE_URL and Cognito (see README)",
                "       user-api dev [--port N]  run locally: embedded database in ./.user-api (USER_API_HOME),",
                "                                local sign-in key, 127.0.0.1:8000 (--port N or PORT=N for another)",
                "       user-api token --user ID --email EMAIL [--ttl SECONDS]   print a dev-mode token",
                "       user-api migrate         apply the database migrations to DATABASE_URL and exit",
                "       user-api class-archive-training   start and exercise the service once, then exit: run it",
                "                                with java -XX:ArchiveClassesAtExit=FILE, start the service with",
                "                                -XX:SharedArchiveFile=FILE (starts about twice as fast; README)",
                "       user-api help            this text");
    }
}
