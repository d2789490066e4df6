package dev.centrifugo4j.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads descriptions out of doc comments for the contract: the main text and the {@code @param} texts. */
final class Javadoc {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal|value)\\s+([^}]*)}");

    private static final Pattern PARAM = Pattern.compile("^@param\\s+(\\S+)\\s*(.*)$", Pattern.DOTALL);

    private Javadoc() {}

    /** The main description of a doc comment (the text before the block tags), or {@code null} if there is none. */
    static @Nullable String description(@Nullable String docComment) {
        if (docComment == null) {
            return null;
        }
        String[] blocks = blocks(docComment);
        return clean(blocks[0]);
    }

    /** The {@code @param} descriptions of a doc comment, by parameter (for records: by component). */
    static Map<String, String> parameters(@Nullable String docComment) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (docComment == null) {
            return parameters;
        }
        String[] blocks = blocks(docComment);
        for (int i = 1; i < blocks.length; i++) {
            Matcher matcher = PARAM.matcher(blocks[i]);
            if (matcher.matches()) {
                String text = clean(matcher.group(2));
                if (text != null) {
                    parameters.put(matcher.group(1), text);
                }
            }
        }
        return parameters;
    }

    /** The main text, then one entry per block tag. */
    private static String[] blocks(String docComment) {
        return docComment.split("(?m)^\\s*(?=@[a-zA-Z])");
    }

    private static @Nullable String clean(String text) {
        String joined = INLINE_TAG.matcher(text).replaceAll("$1").strip().replaceAll("\\s*\\n\\s*", " ");
        joined = joined.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        return joined.isEmpty() ? null : joined;
    }
}
