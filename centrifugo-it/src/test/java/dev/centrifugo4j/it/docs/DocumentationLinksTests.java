package dev.centrifugo4j.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The documentation holds together: every relative link in README.md, CONTRIBUTING.md, BENCHMARKS.md
 * and docs/*.md reaches a file or directory of the repository, and every {@code #anchor} names a
 * heading of its page, as GitHub renders it. The README stays short and keeps the commands CI runs.
 */
class DocumentationLinksTests {

    /** The repository root: the parent of this module's directory. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath()
            .normalize()
            .getParent();

    /** {@code [text](target)} and {@code ![alt](target)}, with an optional title. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    /** {@code [label]: target}, a reference definition. */
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    /** The links the check leaves alone: the web and mail. */
    private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?:|mailto:)");

    @Nested
    class Links {

        @Test
        void theCheckReadsTheReadmeContributingBenchmarksAndEveryDocsPage() {
            List<String> pages = pages().stream().map((page) -> relative(page)).toList();
            assertThat(pages)
                    .contains("README.md", "CONTRIBUTING.md", "BENCHMARKS.md", "docs/README.md")
                    .anySatisfy((page) -> assertThat(page).startsWith("docs/").isNotEqualTo("docs/README.md"));
            assertThat(links(ROOT.resolve("README.md")))
                    .as("links found in README.md")
                    .isNotEmpty();
        }

        @Test
        void everyRelativeLinkReachesAnExistingFileOrDirectory() {
            List<String> broken = new ArrayList<>();
            for (Path page : pages()) {
                for (Link link : links(page)) {
                    if (link.isExternal() || link.path().isEmpty()) {
                        continue;
                    }
                    Path target = link.resolve(page);
                    if (!Files.exists(target)) {
                        broken.add(link.where(page) + ": " + link.target() + " -> no such file or directory "
                                + relative(target));
                    }
                }
            }
            assertThat(broken)
                    .withFailMessage(() -> broken.size() + " broken link(s):\n  " + String.join("\n  ", broken))
                    .isEmpty();
        }

        @Test
        void everyAnchorNamesAHeadingOfItsTargetPage() {
            Map<Path, Set<String>> anchorsByPage = new HashMap<>();
            List<String> broken = new ArrayList<>();
            for (Path page : pages()) {
                for (Link link : links(page)) {
                    if (link.isExternal() || link.anchor() == null) {
                        continue;
                    }
                    Path target = link.path().isEmpty() ? page : link.resolve(page);
                    if (!Files.isRegularFile(target) || !target.toString().endsWith(".md")) {
                        broken.add(link.where(page) + ": " + link.target() + " -> an anchor into " + relative(target)
                                + ", which is not a Markdown file");
                        continue;
                    }
                    Set<String> anchors = anchorsByPage.computeIfAbsent(target, DocumentationLinksTests::anchors);
                    if (!anchors.contains(link.anchor())) {
                        broken.add(link.where(page) + ": " + link.target() + " -> no heading '#" + link.anchor()
                                + "' in " + relative(target));
                    }
                }
            }
            assertThat(broken)
                    .withFailMessage(() -> broken.size() + " broken anchor(s):\n  " + String.join("\n  ", broken))
                    .isEmpty();
        }
    }

    @Nested
    class Readme {

        private final Path readme = ROOT.resolve("README.md");

        @Test
        void theReadmeHasAtMost250Lines() {
            assertThat(lines(this.readme)).hasSizeLessThanOrEqualTo(250);
        }

        @Test
        void theReadmeShowsTheCommandsThatCiAndNewcomersRun() {
            assertThat(codeTexts(lines(this.readme))).contains("scripts/test", "scripts/run-terminal");
        }
    }

    @Nested
    class Slugs {

        @Test
        void aSlugIsTheLowerCaseHeadingWithSpacesAsHyphens() {
            assertThat(slug("Graceful shutdown")).isEqualTo("graceful-shutdown");
            assertThat(slug("The 422 message")).isEqualTo("the-422-message");
        }

        @Test
        void punctuationOtherThanHyphensAndUnderscoresIsDropped() {
            assertThat(slug("centrifugo:config")).isEqualTo("centrifugoconfig");
            assertThat(slug("Centrifugo's side")).isEqualTo("centrifugos-side");
            assertThat(slug("`ProxyTester`: no Centrifugo")).isEqualTo("proxytester-no-centrifugo");
            assertThat(slug("sub_refresh and keep-alive (v6)")).isEqualTo("sub_refresh-and-keep-alive-v6");
        }

        @Test
        void aLinkInAHeadingCountsWithItsTextOnly() {
            assertThat(slug("See [the goals](docs/goals.md)")).isEqualTo("see-the-goals");
        }

        @Test
        void repeatedHeadingsGetNumberedSlugs() throws IOException {
            Path page = Files.createTempFile("headings", ".md");
            try {
                Files.writeString(page, "# Errors\n\n```\n# not a heading\n```\n\n## Errors\n### Errors\n");
                assertThat(anchors(page)).containsExactly("errors", "errors-1", "errors-2");
            } finally {
                Files.delete(page);
            }
        }
    }

    /** README.md, CONTRIBUTING.md, BENCHMARKS.md and docs/*.md, in that order. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        for (String name : List.of("README.md", "CONTRIBUTING.md", "BENCHMARKS.md")) {
            pages.add(ROOT.resolve(name));
        }
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return pages;
    }

    /** The links of a page outside code blocks and code spans, each with its line number. */
    static List<Link> links(Path page) {
        List<Link> links = new ArrayList<>();
        List<String> lines = lines(page);
        boolean[] code = fencedCode(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            String line = withoutCodeSpans(lines.get(i));
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                links.add(Link.of(inline.group(1), i + 1));
            }
            Matcher reference = REFERENCE_DEFINITION.matcher(line);
            if (reference.matches()) {
                links.add(Link.of(reference.group(1), i + 1));
            }
        }
        return links;
    }

    /** The anchors GitHub gives a page: one per heading (numbered when repeated) and HTML anchors. */
    static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = lines(page);
        boolean[] code = fencedCode(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(lines.get(i));
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's anchor for a heading: its text (a link counts with its text only), lower case, spaces
     * as hyphens, punctuation other than {@code -} and {@code _} dropped.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach((c) -> {
            if (c == ' ') {
                slug.append('-');
            } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** The contents of the code spans and the lines of the fenced code blocks, stripped. */
    static List<String> codeTexts(List<String> lines) {
        List<String> texts = new ArrayList<>();
        boolean[] code = fencedCode(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                texts.add(lines.get(i).strip());
                continue;
            }
            Matcher span = CODE_SPAN.matcher(lines.get(i));
            while (span.find()) {
                texts.add(span.group(2).strip());
            }
        }
        return texts;
    }

    /** Which lines are inside a fenced code block (the fences themselves included). */
    private static boolean[] fencedCode(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (fence == null) {
                if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                    fence = stripped.substring(0, 3);
                    code[i] = true;
                }
            } else {
                code[i] = true;
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
            }
        }
        return code;
    }

    private static String withoutCodeSpans(String line) {
        return CODE_SPAN.matcher(line).replaceAll("code");
    }

    private static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + page, ex);
        }
    }

    private static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * One link as written.
     *
     * @param target the link target as written
     * @param path the part before {@code #}, URL-decoded (empty for a link into the same page)
     * @param anchor the part after {@code #}, or {@code null}
     * @param line the line it is on, from 1
     */
    record Link(String target, String path, String anchor, int line) {

        static Link of(String target, int line) {
            int hash = target.indexOf('#');
            String path = (hash < 0) ? target : target.substring(0, hash);
            String anchor = (hash < 0) ? null : target.substring(hash + 1);
            return new Link(target, decode(path), (anchor != null) ? decode(anchor) : null, line);
        }

        /** Percent-decoding of a URL path ({@code +} stays a plus). */
        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        boolean isExternal() {
            return EXTERNAL.matcher(this.target).find();
        }

        Path resolve(Path page) {
            return page.getParent().resolve(this.path).normalize();
        }

        String where(Path page) {
            return relative(page) + ":" + this.line;
        }
    }
}
