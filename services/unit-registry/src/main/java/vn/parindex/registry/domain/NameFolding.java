package vn.parindex.registry.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Search keys for Vietnamese unit names. Official names mix two tone-mark placements ({@code Hoà}/{@code Hòa},
 * {@code Thuỷ}/{@code Thủy}) and users type without diacritics, so names are matched on:
 *
 * <ul>
 *   <li>{@link #fold}: no diacritics at all, {@code đ} → {@code d}, lower case ({@code yen ninh});
 *   <li>{@link #toneKey}: vowel shapes kept, each word's tone moved to the word's end, so both placements give
 *       the same key while different tones or vowels do not ({@code hoa` binh`}).
 * </ul>
 */
public final class NameFolding {

    /** Type prefixes of official names, longest first so that "thị xã" wins over "xã". */
    private static final List<String> TYPE_PREFIXES =
            List.of("thanh pho ", "thi tran ", "dac khu ", "phuong ", "thi xa ", "huyen ", "quan ", "tinh ", "xa ");

    private NameFolding() {}

    /** Diacritic-free, lower-case, single-spaced form of {@code text}. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        boolean space = true;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** The folded name without its type prefix: {@code Phường Yên Ninh} → {@code yen ninh}. */
    public static String foldBare(String name) {
        String folded = fold(name);
        for (String prefix : TYPE_PREFIXES) {
            if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
                return folded.substring(prefix.length());
            }
        }
        return folded;
    }

    /** Whether {@code text} carries any Vietnamese diacritic (then an exact, marked match ranks first). */
    public static boolean hasMarks(String text) {
        return text != null && !fold(text).equals(plainLower(text));
    }

    /** Tone-placement-insensitive key that keeps vowel shapes and tones. */
    public static String toneKey(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{M}\\p{Nd}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder(nfd.length());
            char tone = 0;
            for (int i = 0; i < nfd.length(); i++) {
                char c = nfd.charAt(i);
                switch (c) {
                    case '\u0300' -> tone = '`'; // huyền
                    case '\u0301' -> tone = '\''; // sắc
                    case '\u0309' -> tone = '?'; // hỏi
                    case '\u0303' -> tone = '~'; // ngã
                    case '\u0323' -> tone = '.'; // nặng
                    default -> base.append(c);
                }
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Normalizer.normalize(base, Normalizer.Form.NFC));
            if (tone != 0) {
                out.append(tone);
            }
        }
        return out.toString();
    }

    private static String plainLower(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{Nd}]+", " ")
                .strip();
    }
}
