package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api.md stays true to what the service serves: every operation of /openapi.json (which OpenApiDocumentIT
 * holds to the served routes) has its row in docs/api.md, and every row there is served unless it says
 * {@code *not served yet*}. Path parameter names may differ ({@code {id1,id2,...}} and {@code {user_ids}}).
 */
class ContractDocumentTest {

    private static final Path CONTRACT =
            Path.of(System.getProperty("user.dir")).getParent().resolve("docs/api.md");
    private static final String NOT_SERVED = "*not served yet*";
    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) (/[^\\s?`|]*)");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyServedOperationIsDocumentedAndEveryDocumentedOneIsServed() throws Exception {
        Set<String> served = servedOperations();
        Set<String> documented = new TreeSet<>();
        Set<String> notServedYet = new TreeSet<>();
        for (String line : Files.readAllLines(CONTRACT)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                String operation = row.group(1) + " " + normalised(row.group(2));
                String firstCell = line.substring(1, line.indexOf('|', 1));
                (firstCell.contains(NOT_SERVED) ? notServedYet : documented).add(operation);
            }
        }

        assertThat(served).as("operations of /openapi.json").hasSizeGreaterThan(30);
        assertThat(documented).as("rows of docs/api.md for served operations").containsAll(served);
        assertThat(served).as("operations docs/api.md lists as served").containsAll(documented);
        assertThat(notServedYet)
                .as("rows marked " + NOT_SERVED + " that are served")
                .doesNotContainAnyElementsOf(served);
    }

    @Test
    void theContractPointsAtNothingOutsideTheRepository() throws Exception {
        String contract = Files.readString(CONTRACT);
        assertThat(contract)
                .doesNotContain("../shared")
                .doesNotContain("DESIGN.md")
                .doesNotContain("](../");
    }

    private static Set<String> servedOperations() throws Exception {
        JsonNode document;
        try (InputStream in = ContractDocumentTest.class.getResourceAsStream("/openapi/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + normalised(path.getKey()));
                    }
                }));
        return operations;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
