package vn.parindex.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.parindex.common.api.FieldError;

class StructureImportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 30);
    private static final Map<String, StructureImport.Existing> REGISTRY = Map.of(
            "75",
                    new StructureImport.Existing(
                            new UnitAttributes("75", "Tỉnh Đồng Nai", "tỉnh", Level.PROVINCE, null),
                            LocalDate.of(2025, 7, 1),
                            null),
            "25270",
                    new StructureImport.Existing(
                            new UnitAttributes("25270", "Xã Long Thành", "xã", Level.COMMUNE, "75"),
                            LocalDate.of(2025, 7, 1),
                            null),
            "04249",
                    new StructureImport.Existing(
                            new UnitAttributes("04249", "Phường Yên Thịnh", "phường", Level.COMMUNE, "132"),
                            null,
                            LocalDate.of(2025, 6, 30)));

    private static StructureImport.Result check(String csv) {
        return StructureImport.check(Csv.read(new StringReader(csv)), DAY, REGISTRY);
    }

    @Test
    void shouldPlanCreatesChangesAndUnchangedRows() {
        StructureImport.Result r = check("""
                code,name,type,level,parent_code
                75,Thành phố Đồng Nai,thành phố,province,
                25270,Phường Long Thành,phường,commune,75
                75.SNV,Sở Nội vụ,sở,agency,75
                """);
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.count(StructureImport.Outcome.CREATE));
        assertEquals(2, r.count(StructureImport.Outcome.CHANGE));
    }

    @Test
    void shouldReportEveryBadRowWithItsLineAndField() {
        StructureImport.Result r = check("""
                code,name,type,level,parent_code
                1234,Xã Sai Mã,xã,commune,75
                25999,Xã Mồ Côi,xã,commune,99
                04249,Phường Yên Thịnh,phường,commune,75
                25998,Xã Thiếu Cột,xã,commune
                25997,,xã,commune,75
                25996,Xã Cấp Lạ,xã,hamlet,75
                25995,Xã Hai Lần,xã,commune,75
                25995,Xã Hai Lần,xã,commune,75
                """);
        assertEquals(
                List.of(2, 3, 4, 5, 6, 7, 9),
                r.errors().stream().map(FieldError::line).toList());
        assertEquals(
                List.of("code", "parent_code", "code", "row", "name", "level", "code"),
                r.errors().stream().map(FieldError::field).toList());
        assertTrue(r.errors().get(2).message().contains("never reused"));
    }

    @Test
    void shouldRejectAWrongHeader() {
        StructureImport.Result r = check("ma,ten\n75,x\n");
        assertEquals(1, r.errors().size());
        assertEquals("header", r.errors().getFirst().field());
    }

    @Test
    void shouldRejectAParentCycleAmongAgencies() {
        StructureImport.Result r = check("""
                code,name,type,level,parent_code
                AG1,Ban A,ban,agency,AG2
                AG2,Ban B,ban,agency,AG1
                """);
        assertEquals(2, r.errors().size());
        assertTrue(r.errors().stream().allMatch(e -> e.message().contains("own ancestor")));
    }
}
