// Texts of the portal: Vietnamese first, English on the switch. One key, two languages.
const T = {
  skip: ['Bỏ qua đến nội dung chính', 'Skip to main content'],
  loading: ['Đang tải…', 'Loading…'],
  footer: ['Dữ liệu từ API công khai của ParIndex', 'Data from the ParIndex public API'],
  'nav.rankings': ['Xếp hạng', 'Rankings'],
  'nav.units': ['Đơn vị', 'Units'],
  'nav.dossiers': ['Hồ sơ TTHC', 'Dossiers'],
  'nav.assessment': ['Tự đánh giá', 'Self-assessment'],
  'nav.appraisal': ['Thẩm định', 'Appraisal'],
  'nav.signIn': ['Đăng nhập', 'Sign in'],
  'nav.signOut': ['Đăng xuất', 'Sign out'],
  campaign: ['Đợt đánh giá', 'Campaign'],
  version: ['Phiên bản', 'Version'],
  search: ['Tìm đơn vị (gõ không dấu được)', 'Find a unit (diacritics optional)'],
  rank: ['Xếp hạng', 'Rank'],
  unit: ['Đơn vị', 'Unit'],
  index: ['Chỉ số (%)', 'Index (%)'],
  points: ['Điểm', 'Points'],
  band: ['Xếp loại', 'Band'],
  change: ['Tăng/giảm điểm', 'Points change'],
  places: ['Tăng/giảm bậc', 'Places change'],
  rule: ['Quy tắc so sánh', 'Comparison rule'],
  decision: ['Quyết định', 'Decision'],
  download: ['Tải về', 'Download'],
  shown: ['Hiển thị {0}/{1} đơn vị', 'Showing {0} of {1} units'],
  shownRange: ['Đơn vị {0}–{1} trong {2} kết quả ({3} đơn vị)', 'Units {0}–{1} of {2} found ({3} units)'],
  pager: ['Phân trang', 'Pages'],
  pageSize: ['Số dòng mỗi trang', 'Rows per page'],
  all: ['Tất cả', 'All'],
  page: ['Trang', 'Page'],
  ofPages: ['/ {0}', 'of {0}'],
  firstPage: ['Trang đầu', 'First page'],
  prevPage: ['Trang trước', 'Previous page'],
  nextPage: ['Trang sau', 'Next page'],
  lastPage: ['Trang cuối', 'Last page'],
  up: ['tăng {0} bậc', 'up {0} places'],
  down: ['giảm {0} bậc', 'down {0} places'],
  same: ['giữ nguyên', 'unchanged'],
  'rule.SAME_UNIT': ['cùng đơn vị', 'same unit'],
  'rule.MEAN_OF_PREDECESSORS': ['bình quân đơn vị tiền thân', 'mean of predecessors'],
  'rule.NONE': ['không so sánh', 'none'],
  'campaignRule.NONE': ['cùng mã đơn vị', 'same unit code'],
  'campaignRule.MEAN_OF_PREDECESSORS': ['cùng đơn vị, hoặc bình quân đơn vị tiền thân', 'same unit, or mean of predecessors'],
  'band.XUAT_SAC': ['Xuất sắc', 'Excellent'],
  'band.TOT': ['Tốt', 'Good'],
  'band.KHA': ['Khá', 'Fair'],
  'band.TRUNG_BINH': ['Trung bình', 'Average'],
  'band.YEU': ['Yếu', 'Weak'],
  imported: ['số liệu công bố (nhập)', 'published figures (imported)'],
  excluded: ['không xếp hạng', 'not ranked'],
  sortBy: ['Sắp xếp theo {0}', 'Sort by {0}'],
  unitCode: ['Mã đơn vị', 'Unit code'],
  open: ['Xem', 'Open'],
  scorecard: ['Thẻ điểm đơn vị', 'Unit scorecard'],
  overYears: ['Chỉ số qua các năm', 'Index over the years'],
  fieldsVsMax: ['Điểm các lĩnh vực so với điểm tối đa', 'Fields against their maximum'],
  maxPoints: ['Điểm tối đa', 'Maximum'],
  lostMost: ['Tiêu chí bị trừ nhiều điểm nhất', 'Criteria that lost the most points'],
  lostNeedsSignIn: ['Đăng nhập để xem chi tiết điểm từng tiêu chí.', 'Sign in to see the points of each criterion.'],
  lost: ['Điểm bị trừ', 'Points lost'],
  criterion: ['Tiêu chí', 'Criterion'],
  external: ['Chỉ số bên ngoài', 'External indices'],
  value: ['Giá trị', 'Value'],
  year: ['Năm', 'Year'],
  lineage: ['Quá trình sắp xếp (cải cách 2025)', 'Lineage across the 2025 reform'],
  predecessors: ['Đơn vị tiền thân', 'Predecessors'],
  successors: ['Đơn vị kế thừa', 'Successors'],
  none: ['Không có', 'None'],
  dossierLink: ['Thống kê hồ sơ TTHC của đơn vị', 'Dossier statistics of the unit'],
  dossiers: ['Thống kê hồ sơ thủ tục hành chính', 'Administrative-procedure dossier statistics'],
  from: ['Từ ngày', 'From'],
  to: ['Đến ngày', 'To'],
  descendants: ['Gồm đơn vị trực thuộc', 'Include descendants'],
  show: ['Xem', 'Show'],
  dataAsOf: ['Dữ liệu cập nhật đến', 'Data as of'],
  received: ['Tiếp nhận', 'Received'],
  resolved: ['Đã giải quyết', 'Resolved'],
  onTimeResolved: ['Tỷ lệ đúng hạn (trên số đã giải quyết)', 'On-time rate (of resolved)'],
  onTimeWorkload: ['Tỷ lệ đúng hạn (trên tổng hồ sơ)', 'On-time rate (of workload)'],
  online: ['Tỷ lệ trực tuyến', 'Online share'],
  fullOnline: ['Tỷ lệ trực tuyến toàn trình', 'Full-online share'],
  monthly: ['Theo tháng', 'Monthly'],
  procedures: ['Theo thủ tục', 'By procedure'],
  procedure: ['Thủ tục', 'Procedure'],
  month: ['Tháng', 'Month'],
  units: ['đơn vị', 'units'],
  unitSearch: ['Mã hoặc tên đơn vị', 'Unit code or name'],
  findUnit: ['Tìm', 'Find'],
  signIn: ['Đăng nhập', 'Sign in'],
  username: ['Tên đăng nhập', 'User name'],
  password: ['Mật khẩu', 'Password'],
  signedInAs: ['Đã đăng nhập: {0}', 'Signed in as {0}'],
  signInFailed: ['Đăng nhập không thành công: {0}', 'Sign-in failed: {0}'],
  oidc: ['Đăng nhập qua {0}', 'Sign in with {0}'],
  localIssuer: ['Tài khoản của hệ thống (chế độ nhúng)', 'Local account (embedded mode)'],
  selfAssessment: ['Tự đánh giá', 'Self-assessment'],
  noOpen: ['Không có đợt tự đánh giá nào đang mở cho đơn vị của bạn.', 'No self-assessment is open for your unit.'],
  status: ['Trạng thái', 'Status'],
  self: ['Tự chấm', 'Self score'],
  level: ['Mức', 'Level'],
  ratio: ['Tỷ lệ (tử số/mẫu số)', 'Ratio (numerator/denominator)'],
  evidence: ['Tài liệu kiểm chứng', 'Evidence'],
  save: ['Lưu', 'Save'],
  submit: ['Gửi', 'Submit'],
  withdraw: ['Rút lại', 'Withdraw'],
  saved: ['Đã lưu.', 'Saved.'],
  submitted: ['Đã gửi.', 'Submitted.'],
  withdrawn: ['Đã rút lại.', 'Withdrawn.'],
  appraisal: ['Thẩm định', 'Appraisal'],
  appraised: ['Thẩm định', 'Appraised'],
  reason: ['Lý do', 'Reason'],
  source: ['Nguồn điểm', 'Source'],
  error: ['Lỗi: {0}', 'Error: {0}'],
  notFound: ['Không tìm thấy trang.', 'Page not found.'],
  print: ['In', 'Print'],
  fieldIndex: ['Lĩnh vực', 'Fields'],
  partIndex: ['Phần', 'Parts'],
  dataTable: ['Bảng số liệu của biểu đồ', 'Data table of the chart'],
};

let lang = localStorage.getItem('parindex.lang') === 'en' ? 'en' : 'vi';

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = l === 'en' ? 'en' : 'vi';
  localStorage.setItem('parindex.lang', lang);
  document.documentElement.lang = lang;
}

/** The text of key in the current language, {0}, {1} … replaced by args. */
export function t(key, ...args) {
  const pair = T[key];
  let s = pair ? pair[lang === 'en' ? 1 : 0] : key;
  args.forEach((a, i) => (s = s.replace('{' + i + '}', a)));
  return s;
}

/** Whether a text exists for key (e.g. a band or rule code). */
export function has(key) {
  return key in T;
}

const formats = new Map();
function format(digits) {
  const key = lang + digits;
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }));
  }
  return formats.get(key);
}

/** Numbers as Vietnamese or English write them (decimal comma in Vietnamese); one formatter per language. */
export function num(v, digits = 2) {
  if (v === null || v === undefined || v === '') return '–';
  return format(digits).format(Number(v));
}

export function int(v) {
  if (v === null || v === undefined) return '–';
  return format(0).format(Number(v));
}
