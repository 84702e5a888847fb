package org.wfm.cli.export;

import java.awt.Color;
import java.util.List;

/**
 * Colours shared by the workbook and the PNG charts, so a channel looks the same everywhere. Channel colours are
 * the Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"), distinguishable with the common colour
 * vision deficiencies; break, lunch and training use greys and a hatch-like pink that no channel uses.
 */
final class Palette {
    private static final List<Color> CHANNELS = List.of(
            new Color(0x0072B2), new Color(0x009E73), new Color(0xE69F00), new Color(0xCC79A7),
            new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000));
    /** Lighter fills of the channel colours for the schedule grid, where text must stay readable on them. */
    private static final List<Color> CHANNEL_FILLS = List.of(
            new Color(0x9CC9EA), new Color(0x8FD9C2), new Color(0xF5CF80), new Color(0xEBC0DA),
            new Color(0xB9E0F6), new Color(0xF2AE80), new Color(0xF8F2A0), new Color(0xBFBFBF));
    static final Color BREAK = new Color(0xD9D9D9);
    static final Color LUNCH = new Color(0x8C8C8C);
    static final Color TRAINING = new Color(0x7B3294);
    static final Color PEAK = new Color(0xD7191C);
    static final Color TROUGH = new Color(0x2C7BB6);
    static final Color REQUIRED = new Color(0x333333);
    /** Light fills marking short intervals, peak windows and trough windows in tables. */
    static final Color SHORT = new Color(0xF4B6B6);
    static final Color PEAK_FILL = new Color(0xF8C9C9);
    static final Color TROUGH_FILL = new Color(0xC6DBEF);
    /** Areas of the coverage charts above the covered part: agents missing (red) and agents beyond need (grey). */
    static final Color SHORT_AREA = new Color(0xD7191C);
    static final Color SURPLUS_AREA = new Color(0xA6A6A6);

    private Palette() {
    }

    static Color channel(int index) {
        return CHANNELS.get(Math.floorMod(index, CHANNELS.size()));
    }

    static Color channelFill(int index) {
        return CHANNEL_FILLS.get(Math.floorMod(index, CHANNEL_FILLS.size()));
    }

    static byte[] rgb(Color c) {
        return new byte[] {(byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue()};
    }
}
