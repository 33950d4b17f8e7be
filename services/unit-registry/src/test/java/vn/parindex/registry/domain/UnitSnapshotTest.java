package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitSnapshotTest {

    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    private static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    // Province 15 with district 132 and its communes; province 10 with district 080 is the distractor subtree.
    private static final UnitSnapshot SNAPSHOT = new UnitSnapshot(
            7,
            List.of(
                    UnitView.of("15", "Tỉnh Yên Bái", "tỉnh", Level.PROVINCE, null, null, BEFORE),
                    UnitView.of("15", "Tỉnh Lào Cai", "tỉnh", Level.PROVINCE, null, AFTER, null),
                    UnitView.of("10", "Tỉnh Lào Cai", "tỉnh", Level.PROVINCE, null, null, BEFORE),
                    UnitView.of("132", "Thành phố Yên Bái", "thành phố thuộc tỉnh", Level.DISTRICT, "15", null, BEFORE),
                    UnitView.of("080", "Thành phố Lào Cai", "thành phố thuộc tỉnh", Level.DISTRICT, "10", null, BEFORE),
                    UnitView.of("04252", "Phường Yên Ninh", "phường", Level.COMMUNE, "132", null, BEFORE),
                    UnitView.of("04252", "Phường Yên Bái", "phường", Level.COMMUNE, "15", AFTER, null),
                    UnitView.of("04249", "Phường Yên Thịnh", "phường", Level.COMMUNE, "132", null, BEFORE),
                    UnitView.of("02640", "Phường Cốc Lếu", "phường", Level.COMMUNE, "080", null, BEFORE),
                    UnitView.of("05614", "Xã Yên Ninh Thượng", "xã", Level.COMMUNE, "080", null, BEFORE),
                    UnitView.of("04825", "Xã Hòa Bình", "xã", Level.COMMUNE, "080", null, BEFORE),
                    UnitView.of("04826", "Xã Hoà Bình", "xã", Level.COMMUNE, "080", null, BEFORE),
                    UnitView.of("04827", "Xã Hòa Bịnh", "xã", Level.COMMUNE, "080", null, BEFORE)));

    @Test
    void shouldFindTheVersionOfTheDay() {
        assertEquals(
                "Phường Yên Ninh", SNAPSHOT.find("04252", BEFORE).orElseThrow().name());
        assertEquals(
                "Phường Yên Bái", SNAPSHOT.find("04252", AFTER).orElseThrow().name());
        assertTrue(SNAPSHOT.find("132", AFTER).isEmpty());
    }

    @Test
    void shouldListTheSubtreeOfOneProvinceOnly() {
        List<String> codes = SNAPSHOT.descendants("15", BEFORE, null).stream()
                .map(UnitView::code)
                .toList();
        assertEquals(List.of("132", "04249", "04252"), codes);
        assertEquals(
                List.of("04252"),
                SNAPSHOT.children("15", AFTER, null).stream()
                        .map(UnitView::code)
                        .toList());
        assertEquals(
                List.of("132", "15"),
                SNAPSHOT.ancestors(SNAPSHOT.find("04252", BEFORE).orElseThrow(), BEFORE).stream()
                        .map(UnitView::code)
                        .toList());
    }

    @Test
    void shouldCountPerLevelOnADate() {
        assertEquals(2L, SNAPSHOT.countByLevel(BEFORE).get(Level.PROVINCE));
        assertEquals(1L, SNAPSHOT.countByLevel(AFTER).get(Level.PROVINCE));
        assertEquals(0L, SNAPSHOT.countByLevel(AFTER).get(Level.DISTRICT));
    }

    @Test
    void shouldRankExactNamesBeforeLongerOnesAndSearchHistoryWithoutADate() {
        List<UnitView> hits = SNAPSHOT.list(new UnitSnapshot.Filter(null, null, null, "yen ninh", null));
        assertEquals(
                List.of("Phường Yên Ninh", "Xã Yên Ninh Thượng"),
                hits.stream().map(UnitView::name).toList());
        assertTrue(SNAPSHOT.list(new UnitSnapshot.Filter(null, null, null, "yen ninh", AFTER))
                .isEmpty());
    }

    @Test
    void shouldPutBothToneMarkPlacementsFirstForAMarkedQuery() {
        List<String> names = SNAPSHOT.list(new UnitSnapshot.Filter(null, null, null, "Hòa Bình", BEFORE)).stream()
                .map(UnitView::name)
                .toList();
        assertEquals(3, names.size());
        assertEquals(List.of("Xã Hòa Bịnh"), names.subList(2, 3));
    }

    @Test
    void shouldMatchCodePrefixesForNumericQueries() {
        List<String> codes = SNAPSHOT.list(new UnitSnapshot.Filter(null, null, null, "042", BEFORE)).stream()
                .map(UnitView::code)
                .toList();
        assertEquals(List.of("04249", "04252"), codes);
    }

    @Test
    void shouldFilterByFoldedType() {
        assertEquals(
                3,
                SNAPSHOT.list(new UnitSnapshot.Filter(Level.COMMUNE, null, "phuong", null, BEFORE))
                        .size());
    }
}
