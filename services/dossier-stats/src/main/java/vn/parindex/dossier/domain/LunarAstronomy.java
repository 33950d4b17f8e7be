package vn.parindex.dossier.domain;

/**
 * The two astronomical quantities a lunisolar calendar needs: the instant of a new moon and the Sun's apparent
 * longitude, to about a minute over 1900–2200. Truncated series from J. Meeus ("Astronomical Formulae for
 * Calculators", new moons; "Astronomical Algorithms" ch. 25, the Sun), the ones Hồ Ngọc Đức's published
 * Vietnamese calendar algorithm uses. Times are Julian Days (JD, days since noon UT, 1 January 4713 BC).
 */
final class LunarAstronomy {

    /** Mean length of a lunation in days. */
    static final double SYNODIC_MONTH = 29.530588853;

    /** JD of the mean new moon numbered 0 (1900-01-01 ≈ 13:51 UT); lunation k is about k synodic months later. */
    static final double LUNATION_ZERO = 2415021.076998695;

    private static final double RAD = Math.PI / 180;

    private LunarAstronomy() {}

    /** JD (UT) of the true new moon number {@code k}, counted from the new moon of 1900-01-01. */
    static double newMoon(long k) {
        double t = k / 1236.85; // Julian centuries from 1900-01-00.5
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2415020.75933
                + 29.53058868 * k
                + 0.0001178 * t2
                - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
        double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
        double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
        double moonLatitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
        // Periodic terms: from the mean to the true conjunction of the Sun and the Moon.
        double correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly)
                + 0.0021 * Math.sin(2 * sunAnomaly)
                - 0.4068 * Math.sin(moonAnomaly)
                + 0.0161 * Math.sin(2 * moonAnomaly)
                - 0.0004 * Math.sin(3 * moonAnomaly)
                + 0.0104 * Math.sin(2 * moonLatitude)
                - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
                - 0.0074 * Math.sin(sunAnomaly - moonAnomaly)
                + 0.0004 * Math.sin(2 * moonLatitude + sunAnomaly)
                - 0.0004 * Math.sin(2 * moonLatitude - sunAnomaly)
                - 0.0006 * Math.sin(2 * moonLatitude + moonAnomaly)
                + 0.0010 * Math.sin(2 * moonLatitude - moonAnomaly)
                + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
        // The series run in dynamical time; ΔT (TT − UT) in days turns the result into universal time.
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /** The Sun's apparent ecliptic longitude at {@code jd}, in degrees from 0 (March equinox) up to 360. */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525; // Julian centuries from J2000.0
        double t2 = t * t;
        double meanAnomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(meanAnomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
                + 0.000290 * Math.sin(3 * meanAnomaly);
        // Apparent longitude: less aberration (20.5") and nutation in longitude (main term, Ω = Moon's node).
        double node = (125.04 - 1934.136 * t) * RAD;
        double apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(node);
        double normalized = apparent % 360;
        return normalized < 0 ? normalized + 360 : normalized;
    }
}
