package dev.centrifugo4j.codegen;

/**
 * The small indenting writer every generator shares: lines, blocks that open and close with an
 * indentation step, and {@code \n} line ends whatever the platform.
 */
public final class CodeWriter {

    private final StringBuilder out = new StringBuilder();

    private final String indentUnit;

    private int level;

    /**
     * Creates a writer.
     *
     * @param indentUnit what one level of indentation is, for example two spaces
     */
    public CodeWriter(String indentUnit) {
        this.indentUnit = indentUnit;
    }

    /** Writes one line at the current indentation (an empty line has no trailing spaces). */
    public CodeWriter line(String text) {
        if (!text.isEmpty()) {
            this.out.append(this.indentUnit.repeat(this.level));
        }
        this.out.append(text).append('\n');
        return this;
    }

    /** Writes an empty line. */
    public CodeWriter blank() {
        return line("");
    }

    /** Writes a line that opens a block, then indents. */
    public CodeWriter openBlock(String text) {
        line(text);
        this.level++;
        return this;
    }

    /** Unindents, then writes the line that closes the block. */
    public CodeWriter closeBlock(String text) {
        if (this.level == 0) {
            throw new IllegalStateException("No block is open");
        }
        this.level--;
        return line(text);
    }

    @Override
    public String toString() {
        return this.out.toString();
    }
}
