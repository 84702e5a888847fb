package org.wfm.cli.units;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Each unit's solver and simulation seed, derived from the plan's seed and the unit's name so that a unit's result
 * depends on nothing else: not on the order of units in plan.yaml, not on which other units exist, not on the thread
 * or machine that runs it. The rule (documented in docs/formats.md, "units"): the first four bytes of
 * SHA-256("wfm-unit-seed:" + plan seed + ":" + unit name, UTF-8) as a big-endian integer, with the sign bit cleared
 * (0 .. 2^31-1, the range plan.yaml's {@code seed} has). SHA-256 (FIPS 180-4) rather than {@link String#hashCode()}:
 * the same value on every JVM and stated as a standard a planner can recompute with {@code sha256sum}.
 */
public final class UnitSeeds {
    static final String PREFIX = "wfm-unit-seed:";

    private UnitSeeds() {
    }

    public static long of(long planSeed, String unit) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((PREFIX + planSeed + ":" + unit).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 4).getInt() & 0x7fff_ffffL;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
