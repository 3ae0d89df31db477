package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java block of the embedding guide (docs/embedding.md, linked from the README) compiles and runs as written: as the body of a {@code main}
 * method with the library's imports and a {@code DataSource dataSource} (a fresh PostgreSQL database). The rules
 * block checks {@code examples/own-adapters}, whose classes are compiled beside the blocks.
 */
class ReadmeEmbeddingExamplesIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = """
            import com.pagenow.userapi.domain.error.*;
            import com.pagenow.userapi.domain.friendship.*;
            import com.pagenow.userapi.domain.notification.*;
            import com.pagenow.userapi.domain.text.*;
            import com.pagenow.userapi.domain.user.*;
            import com.pagenow.userapi.application.error.*;
            import com.pagenow.userapi.application.port.in.*;
            import com.pagenow.userapi.application.port.in.account.*;
            import com.pagenow.userapi.application.port.in.block.*;
            import com.pagenow.userapi.application.port.in.event.*;
            import com.pagenow.userapi.application.port.in.friendship.*;
            import com.pagenow.userapi.application.port.in.search.*;
            import com.pagenow.userapi.application.port.in.share.*;
            import com.pagenow.userapi.application.port.in.user.*;
            import com.pagenow.userapi.application.port.out.*;
            import com.pagenow.userapi.application.readmodel.*;
            import com.pagenow.userapi.application.service.*;
            import com.pagenow.userapi.embedded.*;
            import com.pagenow.userapi.architecture.*;
            import javax.sql.DataSource;
            import java.time.*;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            """;

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.postgres(ReadmeEmbeddingExamplesIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void everyJavaBlockOfTheEmbeddingSectionCompilesAndRuns() throws Exception {
        List<String> blocks = embeddingBlocks();
        assertThat(blocks)
                .as("the rules, DataSource, own-adapter and architecture examples")
                .hasSize(4);

        Path work = Files.createTempDirectory("readme-blocks");
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path source = work.resolve("src/com/example/readme/ReadmeBlock" + i + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(
                    source,
                    "package com.example.readme;\n" + IMPORTS
                            + "public class ReadmeBlock" + i + " {\n"
                            + "    public static DataSource dataSource;\n"
                            + "    public static void main(String[] args) throws Exception {\n"
                            + blocks.get(i) + "\n    }\n}\n");
            sources.add(source);
        }
        try (Stream<Path> example = Files.walk(REPO.resolve("examples/own-adapters/src/main/java"))) {
            example.filter(path -> path.toString().endsWith(".java")).forEach(sources::add);
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources, classes);

        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, ReadmeEmbeddingExamplesIT.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            for (int i = 0; i < blocks.size(); i++) {
                Class<?> block = loader.loadClass("com.example.readme.ReadmeBlock" + i);
                block.getField("dataSource").set(null, (DataSource) dataSource);
                try {
                    block.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                } catch (InvocationTargetException failed) {
                    throw new AssertionError(
                            "docs/embedding.md block " + (i + 1) + " failed:\n" + blocks.get(i), failed.getCause());
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static List<String> embeddingBlocks() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        assertThat(readme).as("the README links the embedding guide").contains("(docs/embedding.md)");
        Matcher matcher = JAVA_BLOCK.matcher(Files.readString(REPO.resolve("docs/embedding.md")));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static void compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = compiler.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of("--release", "17", "-classpath", classPath, "-d", classes.toString()),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertThat(compiled)
                    .as("docs/embedding.md blocks compile: %s", diagnostics.getDiagnostics())
                    .isTrue();
        }
    }
}
