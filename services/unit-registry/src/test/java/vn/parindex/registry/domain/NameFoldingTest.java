package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameFoldingTest {

    @Test
    void shouldFoldDiacriticsDStrokeAndCase() {
        assertEquals("phuong yen ninh", NameFolding.fold("Phường Yên Ninh"));
        assertEquals("dac khu con dao", NameFolding.fold("Đặc khu Côn Đảo"));
        assertEquals("phuong 1", NameFolding.fold("  Phường   1 "));
    }

    @Test
    void shouldStripTheTypePrefixForTheBareName() {
        assertEquals("yen ninh", NameFolding.foldBare("Phường Yên Ninh"));
        assertEquals("nghia lo", NameFolding.foldBare("Thị xã Nghĩa Lộ"));
        assertEquals("yen bai", NameFolding.foldBare("Thành phố Yên Bái"));
        // A name that is only a prefix word keeps it.
        assertEquals("xa", NameFolding.foldBare("Xã"));
    }

    @Test
    void shouldGiveBothToneMarkPlacementsTheSameToneKey() {
        assertEquals(NameFolding.toneKey("Hoà Bình"), NameFolding.toneKey("Hòa Bình"));
        assertEquals(NameFolding.toneKey("Thuỷ"), NameFolding.toneKey("Thủy"));
    }

    @Test
    void shouldKeepDifferentTonesAndVowelsApartInTheToneKey() {
        assertNotEquals(NameFolding.toneKey("Hòa Bình"), NameFolding.toneKey("Hoa Bình"));
        assertNotEquals(NameFolding.toneKey("Yên"), NameFolding.toneKey("Yến"));
        assertNotEquals(NameFolding.toneKey("Ân"), NameFolding.toneKey("Ăn"));
    }

    @Test
    void shouldTellMarkedFromPlainQueries() {
        assertTrue(NameFolding.hasMarks("Hòa Bình"));
        assertFalse(NameFolding.hasMarks("hoa binh"));
        assertFalse(NameFolding.hasMarks("Yen Ninh 2"));
    }
}
