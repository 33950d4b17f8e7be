package vn.parindex.dossier.domain;

import java.time.LocalDate;

/**
 * An exception to the Monday–Friday week for civil servants: a weekday that is a day off ({@code HOLIDAY}:
 * statutory, compensatory or swapped) or a weekend day that is worked ({@code MAKEUP_WORKDAY}).
 */
public record CalendarDay(LocalDate date, Kind kind, String nameVi, String nameEn, int year, String source) {

    public enum Kind {
        HOLIDAY,
        MAKEUP_WORKDAY
    }
}
