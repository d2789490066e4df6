package dev.centrifugo4j.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words names are made of, which every type mapper then writes in its language's case ({@code
 * ordersGetStatus}, {@code orders_get_status}, {@code OrdersGetStatus}).
 */
public final class Words {

    private static final Pattern BOUNDARY = Pattern.compile("[^A-Za-z0-9]+");

    /** Where the case turns: {@code getStatus}, {@code HTTPServer}, {@code v2Api}. */
    private static final Pattern HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    private Words() {}

    /**
     * The words of a text, as they are written: split at anything but ASCII letters and digits and
     * where the case turns ({@code orders.getStatus} gives {@code orders}, {@code get}, {@code Status};
     * {@code HTTPServer} gives {@code HTTP}, {@code Server}).
     *
     * @param text a name, such as an RPC method, a JSON property or a channel pattern's literal text
     * @return the words, none of them empty; none for a text without letters or digits
     */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String part : BOUNDARY.split(text)) {
            for (String word : HUMP.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
