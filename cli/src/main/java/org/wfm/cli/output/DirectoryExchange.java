package org.wfm.cli.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Swaps two directory entries in one atomic step: Linux's {@code renameat2(2)} with {@code RENAME_EXCHANGE} (kernel
 * 3.15, glibc 2.28), called through JNA since Java's file API has no exchange. A forced run uses it to put a new
 * output folder where the old one is, so that the name always holds a complete folder, old or new: with two plain
 * renames (old aside, new in) there is an instant, and after a kill between them a whole crash window, where the
 * name is missing.
 *
 * <p>Where the exchange is not available (another operating system, a kernel or file system that refuses the flag,
 * JNA's native part that cannot be loaded), {@link #exchange} says so by returning false and the caller falls back
 * to the two renames with a journal ({@link AtomicOutput}).
 */
final class DirectoryExchange {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 1 << 1;
    // errno values (Linux, asm-generic/errno-base.h and errno.h) that mean "this cannot be done here", not "failed"
    private static final int EXDEV = 18;
    private static final int EINVAL = 22;
    private static final int ENOSYS = 38;
    private static final int EOPNOTSUPP = 95;

    /** The one libc function used. */
    interface LibC extends Library {
        int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) throws LastErrorException;
    }

    private static final LibC LIBC = load();
    /** Tests only: false makes every exchange report "not available", to test the fallback. */
    static volatile boolean enabled = true;

    private DirectoryExchange() {
    }

    private static LibC load() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (Throwable unavailable) {
            // JNA's native library could not be loaded (no writable temporary folder, an unknown platform)
            return null;
        }
    }

    /** Whether the exchange can be tried at all on this machine (the file system may still refuse it). */
    static boolean available() {
        return enabled && LIBC != null;
    }

    /**
     * Exchanges {@code a} and {@code b} (both must exist) atomically.
     *
     * @return false, with nothing changed, where the platform or the file system cannot exchange
     * @throws IOException when the exchange was possible but failed (a path missing, permissions)
     */
    static boolean exchange(Path a, Path b) throws IOException {
        if (!available()) {
            return false;
        }
        try {
            LIBC.renameat2(AT_FDCWD, bytes(a), AT_FDCWD, bytes(b), RENAME_EXCHANGE);
            return true;
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP || errno == EXDEV) {
                return false;
            }
            throw new IOException("cannot exchange " + a + " and " + b + ": " + e.getMessage());
        } catch (UnsatisfiedLinkError missing) {
            // a C library without renameat2 (glibc before 2.28, musl before 1.2.4 lacks the wrapper)
            return false;
        }
    }

    /** The path as the bytes Java itself passes to the system for file names, NUL-terminated. */
    private static byte[] bytes(Path p) {
        String encoding = System.getProperty("sun.jnu.encoding");
        Charset cs;
        try {
            cs = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (RuntimeException unknown) {
            cs = StandardCharsets.UTF_8;
        }
        byte[] b = p.toAbsolutePath().toString().getBytes(cs);
        return Arrays.copyOf(b, b.length + 1);
    }
}
