package com.pagenow.userapi.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generates malformed requests over every route of the service, deterministically from a seed: broken JSON, wrong
 * types, huge and empty bodies, overlong strings and ids, invalid UTF-8, NULs and control characters, SQL and LIKE
 * metacharacters, path traversal, odd %-encodings, thousands of ids, negative and huge limit/offset, odd methods,
 * headers and tokens. Each request is built so that nothing it could do changes the database (a base request that
 * is already a no-op, such as a personal share to a stranger, with one thing broken), so a test can demand that the
 * tables are unchanged afterwards.
 */
final class BadInputCorpus {

    /** One request: where it came from (for failure messages), its route template, its bytes. */
    record Case(String label, String route, byte[] request, boolean protocolLevel) {}

    /** The callers' tokens: alice has friends, bob is her friend, mallory has no profile; {@code bad} never pass. */
    record Tokens(String alice, String bob, String mallory, List<String> bad) {}

    private static final List<String> BAD_IDS = List.of(
            "",
            "%00",
            "a%00b",
            "%01",
            "a%09b",
            "a%0Ab",
            "%0D%0A",
            "%1F",
            "%7F",
            "%C2%85",
            "%C2%9F",
            "x".repeat(51),
            "x".repeat(5000),
            "%27%20OR%20%271%27%3D%271",
            "1%3BDROP%20TABLE%20users--",
            "%25",
            "_",
            "%25_%5C",
            "%5C",
            "..",
            "%2e%2e",
            "..%2f..%2fetc%2fpasswd",
            "%2F",
            "a%2Fb",
            "%",
            "%zz",
            "%C0%AF",
            "%C3%28",
            "%ED%A0%80",
            "%FF%FE",
            "%E2%80%AE",
            "%F0%9F%98%80",
            "%20",
            "+",
            "%2B",
            "a,b",
            "%EF%BB%BF",
            "null",
            "undefined",
            "%7B%7D",
            "%22%22");
    private static final List<String> RAW_TARGETS = List.of(
            "/users/id/a b",
            "/users/id/a\tb",
            "/users/id/\u00ff",
            "/users/id/a\u0000b",
            "//users//me",
            "/users/me/../me",
            "/./users/me",
            "/users/id/..%2F..%2Fme",
            "*",
            "http://evil.example/users/me",
            "/users/me#fragment",
            "/users/me?%",
            "/users/me?%zz=1",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/users/id/%u0041",
            "/" + "a/".repeat(2000),
            "/users/search/name/" + "%25".repeat(3000),
            "/users/ids/" + "x,".repeat(5000));
    private static final List<String> BAD_NUMBERS = List.of(
            "-1",
            "-2147483649",
            "2147483648",
            "99999999999999999999",
            "1e3",
            "0x10",
            "",
            "%00",
            "NaN",
            "%20%205",
            "1.5",
            "%2B1",
            "%EF%BC%91",
            "-0",
            "1%00",
            "%FF",
            "%",
            "%zz",
            "Infinity",
            "1,2");
    private static final List<String> BAD_FLAGS = List.of("maybe", "%00", "TRUE%00", "2", "-1", "%FF", "yes%20no");
    private static final List<String> BAD_QUERIES = List.of(
            "?limit=1&limit=-1",
            "?",
            "?&&&",
            "?=",
            "?limit",
            "?a=" + "x".repeat(8000),
            "?" + "p=1&".repeat(2000),
            "?limit=%00&offset=%00",
            "?limit[]=1",
            "?limit=1;offset=2",
            "?%00=1",
            "?ids=" + "a,".repeat(3000));
    private static final List<String> STRING_VALUES = List.of(
            "42",
            "true",
            "[]",
            "{}",
            "null",
            "\"\"",
            "\" \"",
            quote("x".repeat(5000)),
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\u0001\"",
            "\"\\t\\n\"",
            "\"' OR '1'='1\"",
            "\"'; DROP TABLE users; --\"",
            "\"%\"",
            "\"_\"",
            "\"%_\\\\\"",
            "\"\\\\\"",
            "\"../../etc/passwd\"",
            "\"%00\"",
            "\"\\ud800\"",
            "\"\\udfff\\ud800\"",
            quote("\uD83D\uDE00".repeat(600)),
            "\"\\u202e\"",
            "1e400",
            "-0",
            "[\"a\"]",
            "{\"a\":1}");
    private static final List<String> BROKEN_BODIES = List.of(
            "",
            " ",
            "{",
            "}",
            "[",
            "{\"",
            "{\"a\":}",
            "{\"a\" 1}",
            "nul",
            "tru",
            "\"unterminated",
            "{}garbage",
            "{}{}",
            "[1,]",
            "{,}",
            "{'a':1}",
            "NaN",
            "-",
            "1e999999",
            "0x10",
            "{\"a\":1e400}",
            "[".repeat(5000),
            "{\"a\":".repeat(3000),
            "42",
            "null",
            "true",
            "\"a string\"",
            "[[[[[]]]]]",
            "{\"a\":[{\"b\":[{}]}]}");

    private final Random random;
    private final Tokens tokens;
    private final List<Case> cases = new ArrayList<>();

    private BadInputCorpus(long seed, Tokens tokens) {
        this.random = new Random(seed);
        this.tokens = tokens;
    }

    /** Every case for {@code routes} ("METHOD /template"), shuffled with the same seed. */
    static List<Case> generate(long seed, List<String> routes, Tokens tokens) {
        BadInputCorpus corpus = new BadInputCorpus(seed, tokens);
        for (String route : routes) {
            corpus.forRoute(route);
        }
        corpus.randomByteFlips(routes, 200);
        Collections.shuffle(corpus.cases, corpus.random);
        return List.copyOf(corpus.cases);
    }

    private void forRoute(String route) {
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        String path = fill(template, null);
        boolean write = !method.equals("GET");
        String body = write ? baseBody(route) : null;

        if (template.contains("{")) {
            for (String id : BAD_IDS) {
                add("path " + id, route, method, fill(template, id), caller(route), body, "", false);
            }
            add(
                    "thousands of ids",
                    route,
                    method,
                    fill(
                            template,
                            IntStream.range(0, 3000).mapToObj(i -> "u" + i).collect(Collectors.joining(","))),
                    caller(route),
                    body,
                    "",
                    false);
            add(
                    "random id",
                    route,
                    method,
                    fill(template, randomEncoded(1 + random.nextInt(80))),
                    caller(route),
                    body,
                    "",
                    false);
        }
        if (!write) {
            for (String value : BAD_NUMBERS) {
                String name = random.nextBoolean() ? "limit" : "offset";
                add(
                        "query " + name + "=" + value,
                        route,
                        method,
                        path + "?" + name + "=" + value,
                        caller(route),
                        null,
                        "",
                        false);
            }
            for (String value : BAD_FLAGS) {
                String name = random.nextBoolean() ? "is_read" : "exact";
                add(
                        "query " + name + "=" + value,
                        route,
                        method,
                        path + "?" + name + "=" + value,
                        caller(route),
                        null,
                        "",
                        false);
            }
            for (String query : BAD_QUERIES) {
                add("query " + shorten(query), route, method, path + query, caller(route), null, "", false);
            }
        }
        if (write) {
            bodyCases(route, method, path, body);
        }
        for (String token : tokens.bad()) {
            add("token " + shorten(token), route, method, path, null, body, "Authorization: " + token + "\r\n", false);
        }
        headerCases(route, method, path, body);
        for (String other : List.of(
                "PATCH",
                "TRACE",
                "CONNECT",
                "FOO",
                method.toLowerCase(),
                "HEAD",
                "OPTIONS",
                write ? "GET" : "DELETE",
                "G\u0000ET",
                "GET GET")) {
            add(
                    "method " + other,
                    route,
                    other,
                    path,
                    caller(route),
                    body,
                    "",
                    other.contains("\u0000") || other.contains(" ") || other.equals("CONNECT"));
        }
        for (String target : RAW_TARGETS) {
            add("target " + shorten(target), route, method, target, caller(route), body, "", true);
        }
    }

    private void bodyCases(String route, String method, String path, String base) {
        String caller = caller(route);
        for (String broken : BROKEN_BODIES) {
            add("body " + shorten(broken), route, method, path, caller, broken, "", false);
        }
        add("body 70 KiB", route, method, path, caller, "{\"a\":\"" + "x".repeat(70 * 1024) + "\"}", "", false);
        add("body of 60 KiB whitespace", route, method, path, caller, " ".repeat(60 * 1024) + base, "", false);
        add("body as array", route, method, path, caller, "[" + base + "]", "", false);
        add("body as string", route, method, path, caller, quote(base), "", false);
        addBytes(
                "body with BOM",
                route,
                method,
                path,
                caller,
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(base)),
                "");
        addBytes("body in UTF-16", route, method, path, caller, base.getBytes(StandardCharsets.UTF_16LE), "");
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {0x00},
                new byte[] {0x01})) {
            addBytes(
                    "invalid UTF-8 or raw control in a string",
                    route,
                    method,
                    path,
                    caller,
                    insertIntoFirstString(base, bad),
                    "");
        }
        addBytes("raw NUL outside strings", route, method, path, caller, concat(utf8(base), new byte[] {0}), "");
        for (String field : fields(base)) {
            for (String value : STRING_VALUES) {
                add(
                        "field " + field + "=" + shorten(value),
                        route,
                        method,
                        path,
                        caller,
                        replaceField(base, field, value),
                        "",
                        false);
            }
            add("field " + field + " removed", route, method, path, caller, removeField(base, field), "", false);
            add(
                    "field " + field + " twice",
                    route,
                    method,
                    path,
                    caller,
                    base.replaceFirst("\\{", "{\"" + field + "\":42,"),
                    "",
                    false);
            add(
                    "field " + field + " random",
                    route,
                    method,
                    path,
                    caller,
                    replaceField(base, field, quote(randomJsonText(1 + random.nextInt(600)))),
                    "",
                    false);
        }
        routeSpecificBodies(route, method, path, caller);
    }

    private void routeSpecificBodies(String route, String method, String path, String caller) {
        List<String> bodies = new ArrayList<>();
        if (route.equals("PUT /users/me") || route.equals("POST /users/me")) {
            for (String dob : List.of(
                    "\"1990-02-30\"",
                    "\"99999-01-01\"",
                    "\"1990-13-01\"",
                    "\"-1-01-01\"",
                    "19900101",
                    "\"1990-5\"",
                    "\"\\u0000\"",
                    "\"1990-01-01T00:00:00Z\"")) {
                bodies.add(replaceField(baseBody(route), "dob", dob));
            }
        }
        if (route.equals("PUT /users/me/domain_array/{share_type}") || route.equals("PUT /users/me")) {
            String many = IntStream.range(0, 501)
                    .mapToObj(i -> "\"d" + i + ".example.com\"")
                    .collect(Collectors.joining(",", "[", "]"));
            for (String list : List.of(
                    many,
                    "[null]",
                    "[1]",
                    "[[\"a.com\"]]",
                    "[\"a\\u0000.com\"]",
                    "[\"' OR 1=1\"]",
                    "[\"%.com\"]",
                    "[\"http://a.com/x\"]",
                    "[\"a.com:80\"]",
                    "[{}]",
                    "{}")) {
                bodies.add(
                        route.equals("PUT /users/me")
                                ? replaceField(baseBody(route), "domain_allow_array", list)
                                : list);
            }
        }
        if (route.equals("POST /notifications/share/read")) {
            String many = IntStream.range(0, 501)
                    .mapToObj(i -> "{\"event_id\":\"" + uuid() + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            bodies.addAll(List.of(
                    many,
                    "[{\"event_id\":null}]",
                    "[{\"event_id\":1}]",
                    "[null]",
                    "[[]]",
                    "{\"event_id\":\"" + uuid() + "\"}",
                    "[{\"event_id\":\"' OR 1=1\"}]",
                    "[{\"event_id\":\"" + uuid().toUpperCase() + "%\"}]",
                    "[{}]"));
        }
        for (String body : bodies) {
            add("specific " + shorten(body), route, method, path, caller, body, "", false);
        }
    }

    private void headerCases(String route, String method, String path, String body) {
        String caller = caller(route);
        List<String> headers = new ArrayList<>(List.of(
                "Content-Type: application/xml\r\n",
                "Content-Type: multipart/form-data; boundary=x\r\n",
                "Content-Type: application/json; charset=utf-16\r\n",
                "Content-Length: abc\r\n",
                "Content-Length: -1\r\n",
                "Content-Length: 1, 2\r\n",
                "Content-Length: 1\r\nContent-Length: 2\r\n",
                "Content-Length: 100000000\r\n",
                "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n",
                "Transfer-Encoding: gzip\r\n",
                "Expect: 100-continue\r\n",
                "X-Odd: a\u0000b\r\n",
                "X-Folded: a\r\n b\r\n",
                "Bad Header: x\r\n",
                "X-Long: " + "h".repeat(16 * 1024) + "\r\n",
                IntStream.range(0, 500).mapToObj(i -> "X-H" + i + ": v\r\n").collect(Collectors.joining()),
                "Origin: https://evil.example\r\nAccess-Control-Request-Method: DELETE\r\n",
                "Accept: */*;q=x\r\nAccept-Encoding: \u00ff\r\n"));
        if (route.startsWith("POST /notifications/share") && !route.endsWith("/read")) {
            headers.addAll(List.of(
                    "Idempotency-Key: \u00e9t\u00e9\r\n",
                    "Idempotency-Key: \r\n",
                    "Idempotency-Key: " + "k".repeat(300) + "\r\n",
                    "Idempotency-Key: a b\r\n",
                    "Idempotency-Key: a\u0001b\r\n"));
        }
        for (String header : headers) {
            boolean framing = header.startsWith("Content-Length")
                    || header.startsWith("Transfer-Encoding")
                    || header.contains("\u0000")
                    || header.contains("\r\n ")
                    || header.startsWith("Bad Header")
                    || header.contains("\u0001");
            if (header.startsWith("Transfer-Encoding: chunked")) {
                addBytes(
                        "header chunked with bad chunk",
                        route,
                        method,
                        path,
                        caller,
                        utf8("zz\r\nabc\r\n0\r\n\r\n"),
                        header,
                        true);
                continue;
            }
            add(
                    "header " + shorten(header.strip()),
                    route,
                    method,
                    path,
                    caller,
                    body == null ? "" : body,
                    header,
                    framing);
        }
    }

    private void randomByteFlips(List<String> routes, int count) {
        for (int i = 0; i < count; i++) {
            String route = routes.get(random.nextInt(routes.size()));
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            String body = method.equals("GET") ? null : baseBody(route);
            byte[] request = build(method, fill(template, null), caller(route), body == null ? null : utf8(body), "");
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                request[random.nextInt(request.length)] = (byte) random.nextInt(256);
            }
            cases.add(new Case("random byte flips #" + i, route, request, true));
        }
    }

    private void add(
            String label,
            String route,
            String method,
            String target,
            String caller,
            String body,
            String headers,
            boolean protocolLevel) {
        cases.add(new Case(
                label, route, build(method, target, caller, body == null ? null : utf8(body), headers), protocolLevel));
    }

    private void addBytes(
            String label, String route, String method, String target, String caller, byte[] body, String headers) {
        addBytes(label, route, method, target, caller, body, headers, false);
    }

    private void addBytes(
            String label,
            String route,
            String method,
            String target,
            String caller,
            byte[] body,
            String headers,
            boolean protocolLevel) {
        cases.add(new Case(label, route, build(method, target, caller, body, headers), protocolLevel));
    }

    private static byte[] build(String method, String target, String caller, byte[] body, String headers) {
        String auth = caller == null ? "" : "Authorization: Bearer " + caller + "\r\n";
        String type = body == null ? "" : "Content-Type: application/json\r\n";
        return RawHttp.request(method, target, auth + type + headers, body);
    }

    /** Who sends the route's requests: a caller for whom the route's base request changes nothing. */
    private String caller(String route) {
        return switch (route) {
            case "PUT /users/me", "PUT /users/me/domain_array/{share_type}", "POST /notifications/share" ->
                tokens.mallory();
            case "POST /notifications/share/read" -> tokens.bob();
            default -> tokens.alice();
        };
    }

    /** A well-formed body that changes nothing for {@link #caller}: a conflict, an unknown user, a stranger. */
    static String baseBody(String route) {
        return switch (route) {
            case "POST /users/me" ->
                "{\"first_name\":\"Alice\",\"last_name\":\"Corpus\",\"dob\":\"1990-01-01\"," + "\"gender\":\"g\"}";
            case "PUT /users/me" ->
                "{\"first_name\":\"M\",\"last_name\":\"L\",\"description\":\"d\","
                        + "\"share_mode\":\"default_all\",\"domain_allow_array\":[\"a.com\"],\"domain_deny_array\":[],"
                        + "\"gender\":\"g\",\"school\":\"s\",\"work\":\"w\",\"location\":\"l\",\"email_public\":true,"
                        + "\"gender_public\":true,\"school_public\":true,\"work_public\":true,\"location_public\":true,"
                        + "\"dob\":\"1990-01-01\",\"dob_public\":true}";
            case "PUT /users/me/domain_array/{share_type}" -> "[\"example.com\"]";
            case "POST /friendship/requests" -> "{\"user_id2\":\"c-bob\"}";
            case "POST /friendship/accept" -> "{\"user_id1\":\"c-carol\"}";
            case "POST /friendship/delete" -> "{\"user_id1\":\"c-alice\",\"user_id2\":\"c-nobody\"}";
            case "POST /notifications/share" -> "{\"url\":\"https://example.com/a\",\"title\":\"t\"}";
            case "POST /notifications/share/personal" ->
                "{\"url\":\"https://example.com/a\",\"title\":\"t\",\"sent_to\":\"c-erin\"}";
            case "POST /notifications/share/read" -> "[{\"event_id\":\"" + UUID.nameUUIDFromBytes(utf8(route)) + "\"}]";
            default -> "{}";
        };
    }

    private static String fill(String template, String value) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                return out.append(template.substring(at)).toString();
            }
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            out.append(template, at, open)
                    .append(
                            value != null
                                    ? value
                                    : switch (name) {
                                        case "user_id" -> "c-nobody";
                                        case "q" -> "ali";
                                        case "share_type" -> "allow";
                                        case "user_ids" -> "c-bob,c-carol";
                                        case "file" -> "swagger-ui.css";
                                        default -> "x";
                                    });
            at = close + 1;
        }
    }

    private static List<String> fields(String json) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\"([a-z_0-9]+)\":").matcher(json);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String replaceField(String json, String field, String value) {
        return json.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]*)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value));
    }

    private static String removeField(String json, String field) {
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]*),?", "")
                .replace(",}", "}");
    }

    private static byte[] insertIntoFirstString(String json, byte[] bad) {
        int quote = json.indexOf("\":\"");
        if (quote < 0) {
            quote = json.indexOf('"') - 2;
        }
        if (quote < -2) {
            return concat(utf8(json), bad);
        }
        byte[] head = utf8(json.substring(0, quote + 3));
        byte[] tail = utf8(json.substring(quote + 3));
        return concat(concat(head, bad), tail);
    }

    private String randomEncoded(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(String.format("%%%02X", random.nextInt(256)));
        }
        return out.toString();
    }

    /** Random code points, control characters and surrogate halves included, as JSON string content. */
    private String randomJsonText(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x60);
                case 2 -> 0xD800 + random.nextInt(0x800);
                default -> random.nextInt(0x10000);
            };
            out.append(String.format("\\u%04x", c));
        }
        return out.toString();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...(" + clean.length() + ")";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** How many cases each route got, for the report. */
    static Map<String, Long> perRoute(List<Case> cases) {
        Map<String, Long> counts = new LinkedHashMap<>();
        cases.forEach(c -> counts.merge(c.route(), 1L, Long::sum));
        return counts;
    }
}
