package ru.unitecon.core.export;

import java.util.List;

/** A table the BI export writes and the BI Builder connector serves: the channels' monthly metrics or the campaigns'. */
public interface ExportTable<R> {
    /** The reporting currency every amount is in. */
    String currency();

    List<R> rows();

    /** Comma-separated, dot decimals, UTF-8 without a byte-order mark: what IMPORTDATA and Looker Studio read. */
    String csv();

    String json();
}
