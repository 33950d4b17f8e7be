package vn.parindex.dossier.domain;

/** What an indicator counted for a unit and period: the records behind the numerator and the denominator. */
public record Fraction(long numerator, long denominator) {

    public static final Fraction NONE = new Fraction(0, 0);

    public Fraction plus(Fraction other) {
        return new Fraction(numerator + other.numerator, denominator + other.denominator);
    }
}
