using System.Text;

namespace LeadKit.Testing.Olist;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, quotes ("") and line
/// breaks. Yields each record with the line it starts on; a quote that never closes is reported, not swallowed.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads the records of a CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file name, for problems.</param>
    /// <param name="problems">Receives malformed-record problems.</param>
    /// <returns>Each record's 1-based start line and fields.</returns>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, string file, ICollection<OlistImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problems);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (start, fields.ToArray());
                    fields.Clear();
                    line++;
                    start = line;
                    atFieldStart = true;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }

        if (quoted)
        {
            problems.Add(new OlistImportProblem(file, start, "a quoted field is not closed before the end of the file"));
        }
        else if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }
}
