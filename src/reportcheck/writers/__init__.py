"""Writers: a report model out to a JSON submission or an Excel workbook."""
