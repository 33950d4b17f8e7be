package vn.parindex.scoring;

/**
 * Request bodies of the OpenAPI document, each one the server accepts as it is (the tests send them): the demo
 * data's units, groups, sets and campaigns, in the order of a campaign's journey.
 */
public final class Examples {

    private Examples() {}

    public static final String CAMPAIGN = """
            {"code": "YB-DIST-2021", "name": "Chỉ số CCHC cấp huyện tỉnh Yên Bái 2021", "year": 2021,
             "criteriaSetCode": "PAR_DIST_YB_2021", "unitGroupCode": "YB-DISTRICTS-2021",
             "previousCampaignCode": "YB-DIST-2020", "comparisonRule": "MEAN_OF_PREDECESSORS",
             "selfAssessmentDeadline": "2099-12-15T17:00:00+07:00", "appraisalRequired": true}""";

    public static final String SELF_SCORES = """
            {"scores": [
              {"criterionCode": "D1.1", "level": "FULL", "explanation": "Ban hành đúng hạn",
               "evidence": [{"title": "Kế hoạch CCHC năm 2021", "documentNumber": "125/KH-UBND",
                             "documentDate": "2021-01-15", "url": "https://yenbai.gov.vn/vb/125-kh-ubnd"}]},
              {"criterionCode": "D1.2", "numerator": 69, "denominator": 70},
              {"criterionCode": "D2.2", "points": 1.5}
            ]}""";

    public static final String APPRAISAL = """
            {"round": 1, "confirmSelfForOthers": true, "scores": [
              {"criterionCode": "D2.2", "points": 1.5, "reason": "Báo cáo thiếu số liệu quý IV"},
              {"criterionCode": "D1.2", "numerator": 68, "denominator": 70, "reason": "Nhiệm vụ 70 chưa đúng hạn"}
            ]}""";

    public static final String EXCLUSION = """
            {"reason": "Đơn vị mới thành lập, chưa đủ 6 tháng hoạt động"}""";

    public static final String COUNCIL = """
            {"appraisers": ["appraiser", "tham-dinh-02"]}""";

    /** The nine Yên Bái districts of 2020 as a decision published them (the city's 91.41 as the press printed it). */
    public static final String PUBLISHED_RESULTS = """
            {"decisionNumber": "DEMO-2020/QĐ-UBND", "decisionDate": "2021-03-01",
             "sourceUrl": "https://yenbai.gov.vn/chi-so-cchc-2020",
             "results": [
               {"unitCode": "132", "totalPoints": 91.41, "rank": 1,
                "parts": [{"code": "A", "points": 60.2}, {"code": "B", "points": 23.01}, {"code": "C", "points": 8.2}]},
               {"unitCode": "133", "totalPoints": 88.62, "rank": 2},
               {"unitCode": "141", "totalPoints": 86.95, "rank": 3},
               {"unitCode": "138", "totalPoints": 86.1, "rank": 4},
               {"unitCode": "136", "totalPoints": 84.73, "rank": 5},
               {"unitCode": "135", "totalPoints": 83.9, "rank": 6},
               {"unitCode": "140", "totalPoints": 82.44, "rank": 7},
               {"unitCode": "137", "totalPoints": 80.15, "rank": 8},
               {"unitCode": "139", "totalPoints": 79.32, "rank": 9}
             ]}""";

    public static final String INDEX_VALUES = """
            {"name": "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "kind": "PERCENT", "lowerIsBetter": false,
             "values": [{"unitCode": "15", "value": 84.12}, {"unitCode": "08", "value": 86.5}]}""";
}
