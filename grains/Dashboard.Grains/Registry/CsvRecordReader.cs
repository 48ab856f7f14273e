using System.Text;

namespace Dashboard.Grains.Registry;

/// <summary>
/// Splits CSV text into records the way Excel and WPS write it (RFC 4180): commas between fields,
/// a field may be in double quotes, <c>""</c> inside quotes is one quote, and line breaks inside quotes
/// belong to the field. Written by hand rather than with TextFieldParser because errors must carry the
/// physical line number, which TextFieldParser loses when it skips blank lines.
/// </summary>
public static class CsvRecordReader
{
    public static List<CsvRecord> Read(string text, List<RegistryCsvError> errors)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldHasContent = false;
        var quoteLine = 0;
        var quoteOffset = 0;
        var i = 0;

        while (true)
        {
            if (i >= text.Length)
            {
                if (!quoted)
                {
                    break;
                }

                // An unclosed quote would swallow the rest of the file; report it and resume on the
                // line after the quote so the lines below still get checked.
                errors.Add(new RegistryCsvError(recordLine, null,
                    "引号没有闭合：本行有字段以英文双引号开头，但直到文件末尾都没有结束的双引号"));
                i = SkipLine(text, quoteOffset);
                line = quoteLine + 1;
                recordLine = line;
                quoted = false;
                fieldHasContent = false;
                fields.Clear();
                field.Clear();
                continue;
            }

            var c = text[i];
            if (quoted)
            {
                if (c == '"' && At(text, i + 1) == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && At(text, i + 1) != '\n'))
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldHasContent = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && At(text, i + 1) == '\n')
                    {
                        i++;
                    }

                    fields.Add(field.ToString());
                    records.Add(new CsvRecord(recordLine, [.. fields]));
                    fields.Clear();
                    field.Clear();
                    fieldHasContent = false;
                    line++;
                    recordLine = line;
                    break;
                case '"' when !fieldHasContent:
                    // Spaces before the opening quote are tolerated; the quoted text replaces them.
                    quoted = true;
                    fieldHasContent = true;
                    field.Clear();
                    quoteLine = line;
                    quoteOffset = i;
                    break;
                default:
                    // A quote in the middle of an unquoted field is kept as text, as Excel does.
                    field.Append(c);
                    fieldHasContent |= !char.IsWhiteSpace(c);
                    break;
            }

            i++;
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static int SkipLine(string text, int offset)
    {
        var end = text.IndexOfAny(['\r', '\n'], offset);
        if (end < 0)
        {
            return text.Length;
        }

        return text[end] == '\r' && At(text, end + 1) == '\n' ? end + 2 : end + 1;
    }
}
