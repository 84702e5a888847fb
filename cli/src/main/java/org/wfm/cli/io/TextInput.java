package org.wfm.cli.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wfm.forecast.io.Bom;
import org.wfm.forecast.io.InputException;

/**
 * Reads an input file whole as UTF-8 text, or explains why it is not one: missing, a folder, empty,
 * too large, a spreadsheet or other binary file, UTF-16, or bytes that are not UTF-8. Decoding is strict
 * because the platform decoder would silently turn a Latin-1 "é" into a replacement character and the
 * planner would only notice in the output. A leading byte-order mark is dropped ({@link Bom}).
 */
final class TextInput {
    /** Configuration and agent files are small; anything this big is the wrong file. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextInput() {
    }

    /**
     * @param label    the file as named in messages (the path as given)
     * @param expected what the file should be, for messages, e.g. "a CSV file with a header line"
     */
    static String read(Path path, String label, String expected) {
        if (!Files.exists(path)) {
            throw fail(label, 0, "file not found (expected " + expected + ")");
        }
        if (Files.isDirectory(path)) {
            throw fail(label, 0, "is a folder, not a file (expected " + expected + ")");
        }
        if (!Files.isRegularFile(path)) {
            // a named pipe or a device: reading it could block for ever or never end
            throw fail(label, 0, "is not a regular file (a named pipe or a device?); expected " + expected
                    + " saved on disk");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw fail(label, 0, "is " + (size / (1024 * 1024)) + " MB, more than the "
                        + (MAX_BYTES / (1024 * 1024)) + " MB expected for " + expected + "; is it the right file?");
            }
            bytes = Files.readAllBytes(path);
        } catch (AccessDeniedException e) {
            throw fail(label, 0, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw fail(label, 0, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (bytes.length == 0) {
            throw fail(label, 0, "is empty (expected " + expected + ")");
        }
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04)) {
            throw fail(label, 0, "is a zip archive (a spreadsheet such as .xlsx?), not text; expected " + expected
                    + ", saved as UTF-8 text");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw fail(label, 0, "is UTF-16 text; save it as UTF-8 (expected " + expected + ")");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw fail(label, lineAt(bytes, i), "contains binary data (a NUL byte), not text; expected " + expected);
            }
        }
        String text = Bom.strip(decode(bytes, label));
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\r' && c != '\t' || c == 0x7F) {
                // Text files have no other control characters: this is binary data or a corrupted file.
                throw fail(label, line, String.format("contains a control character (U+%04X), not text; expected %s",
                        (int) c, expected));
            }
        }
        if (text.isBlank()) {
            throw fail(label, 0, "is empty (expected " + expected + ")");
        }
        return text;
    }

    private static String decode(byte[] bytes, String label) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw fail(label, lineAt(bytes, at), String.format(
                    "is not UTF-8 text (byte 0x%02X at offset %d); save the file as UTF-8", bytes[at] & 0xFF, at));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** 1-based line of a byte offset; counts LF (so CRLF counts once, like the CSV parser). */
    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InputException fail(String label, int line, String message) {
        return new InputException(label, line, null, message);
    }
}
