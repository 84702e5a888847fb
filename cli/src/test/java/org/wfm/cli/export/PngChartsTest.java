package org.wfm.cli.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngChartsTest {
    @TempDir
    Path tmp;

    @Test
    void writesForecastAndCoveragePngsWithOnePanelPerChannel() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        List<Path> written = PngCharts.write(run);
        assertEquals(List.of(run.resolve("forecast.png"), run.resolve("coverage.png")), written);
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " is a readable PNG");
            assertEquals(1400, image.getWidth());
            assertEquals(2 * 380, image.getHeight(), "two channels stacked");
            assertTrue(distinctColours(image) > 5, "something was drawn");
        }
    }

    @Test
    void coverageShadesTheShortfallRedOverTheCoveredPart() throws IOException {
        Path run = RunFixture.write(tmp.resolve("run"), true);
        PngCharts.write(run);
        BufferedImage image = ImageIO.read(run.resolve("coverage.png").toFile());
        // voice (top panel) needs up to 6 agents mid-morning and has 2: a red area, in the shortfall's colour
        assertTrue(count(image, 0, 380, Palette.SHORT_AREA.getRGB()) > 500, "shortfall shaded red");
        assertTrue(count(image, 0, 380, Palette.channelFill(0).getRGB()) > 500, "covered part in voice's colour");
    }

    private static int count(BufferedImage image, int fromY, int toY, int rgb) {
        int n = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
