package vn.parindex.registry.seed;

import java.util.Map;
import vn.parindex.registry.domain.ChangeKind;
import vn.parindex.registry.domain.Level;
import vn.parindex.registry.domain.TransitionPlanner;
import vn.parindex.registry.domain.UnitAttributes;

/** Legal basis of the 2025-07-01 reorganisation, by level. */
final class ReformLegalBasis implements TransitionPlanner.LegalBasis {

    static final String PROVINCES = "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh";
    static final String DISTRICTS = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15: đơn vị hành chính cấp huyện"
            + " kết thúc hoạt động từ 01/7/2025";
    static final String COMMUNES =
            "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025";

    private final Map<String, String> provinceNames;

    ReformLegalBasis(Map<String, String> provinceNames2025) {
        this.provinceNames = provinceNames2025;
    }

    @Override
    public String of(ChangeKind kind, UnitAttributes unit) {
        if (kind == ChangeKind.DISSOLVE && unit.level() == Level.DISTRICT) {
            return DISTRICTS;
        }
        return switch (unit.level()) {
            case PROVINCE -> PROVINCES;
            case DISTRICT -> DISTRICTS;
            case COMMUNE, AGENCY -> {
                String province = provinceNames.get(unit.parentCode());
                yield province == null ? COMMUNES : COMMUNES + " của " + province;
            }
        };
    }
}
