package vn.parindex.dossier.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import vn.parindex.dossier.domain.DossierRow;

/** COPY text-format encoding of dossier rows (the dossier table's columns in order) and of their keys. */
public final class CopyEncoding {

    private CopyEncoding() {}

    public static void appendRow(ByteArrayOutputStream out, DossierRow r) {
        StringBuilder sb = new StringBuilder(256);
        value(sb, r.sourceSystem());
        field(sb, r.dossierId());
        field(sb, r.procedureCode());
        field(sb, r.unitCode());
        field(sb, r.channel().name());
        field(sb, r.serviceLevel().name());
        field(sb, r.status().name());
        field(sb, r.receivedAt().toString());
        field(sb, r.receivedDate().toString());
        field(sb, r.dueAt() == null ? null : r.dueAt().toString());
        field(sb, r.dueDate().toString());
        field(sb, r.finishedAt() == null ? null : r.finishedAt().toString());
        field(sb, r.finishedDate() == null ? null : r.finishedDate().toString());
        field(sb, r.finishClass() == null ? null : r.finishClass().toString());
        field(sb, r.excluded() ? "t" : "f");
        field(sb, r.processingDays() == null ? null : r.processingDays().toString());
        sb.append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    /** The row's key and where it goes: source system, dossier id and receipt date (the partition key). */
    public static void appendKey(ByteArrayOutputStream out, DossierRow r) {
        StringBuilder sb = new StringBuilder(48);
        value(sb, r.sourceSystem());
        field(sb, r.dossierId());
        field(sb, r.receivedDate().toString());
        sb.append('\n');
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private static void field(StringBuilder sb, String value) {
        sb.append('\t');
        value(sb, value);
    }

    /** One value in PostgreSQL COPY text format: {@code \\N} for null, backslash escapes for the separators. */
    public static void value(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }
}
