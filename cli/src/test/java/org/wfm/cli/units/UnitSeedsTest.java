package org.wfm.cli.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented seed rule and memory estimate, checked against values computed outside Java. */
class UnitSeedsTest {
    @Test
    void theSeedIsTheFirstFourBytesOfSha256WithoutTheSignBit() {
        // python3: int.from_bytes(hashlib.sha256(b"wfm-unit-seed:1:north").digest()[:4], "big") & 0x7fffffff
        assertThat(UnitSeeds.of(1, "north")).isEqualTo(1_596_199_878L);
        assertThat(UnitSeeds.of(1, "south")).isEqualTo(2_131_871_215L);
        assertThat(UnitSeeds.of(2, "north")).isNotEqualTo(UnitSeeds.of(1, "north"));
    }

    @Test
    void theMemoryEstimateGrowsWithAgentsDaysAndIntervals() {
        // 200 agents x 14 days x 96 intervals x 400 bytes = 107.52e6 bytes = 103 MB (rounded up) + 48 MB
        assertThat(UnitMemory.estimateMb(200, 14, 96)).isEqualTo(48 + 103);
        assertThat(UnitMemory.budgetMb(1024L << 20)).isEqualTo(716);
    }
}
