package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;

/**
 * The file of an extract: a header row, then one row per lead; values quoted when they contain the separator,
 * a quote or a line break (RFC 4180). CSV uses {@code ,}, TSV a tab, SSV a space.
 *
 * @param bytes    file content (UTF-8)
 * @param records  number of lead rows
 * @param checksum {@code sha256:<hex>}
 */
record ExportFile(byte[] bytes, int records, String checksum) {

    static ExportFile render(List<EmulatorLead> leads, List<LeadField> fields, List<String> headers, String format) {
        char separator = separator(format);
        StringBuilder out = new StringBuilder();
        row(out, headers, separator);
        for (EmulatorLead lead : leads) {
            row(out, fields.stream().map(f -> LeadMapper.text(lead, f)).toList(), separator);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return new ExportFile(bytes, leads.size(), "sha256:" + sha256(bytes));
    }

    static char separator(String format) {
        switch (format) {
            case "TSV":
                return '\t';
            case "SSV":
                return ' ';
            default:
                return ',';
        }
    }

    private static void row(StringBuilder out, List<String> values, char separator) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            String value = values.get(i);
            if (value == null) {
                continue;
            }
            if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                out.append(value);
            }
        }
        out.append('\n');
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
