using System.Globalization;
using System.Text;

namespace Baize.BenchSupport;

/// <summary>
/// A Markdown table built column by column, then row by row: <c>new MarkdownTable().Left("Model").Right("Items/s")</c>.
/// Cells are formatted with the invariant culture, so a report reads the same on every machine.
/// </summary>
public sealed class MarkdownTable
{
    private readonly List<(string Header, string Alignment)> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>A left-aligned column, for names.</summary>
    public MarkdownTable Left(string header) => Column(header, "---");

    /// <summary>A right-aligned column, for numbers.</summary>
    public MarkdownTable Right(string header) => Column(header, "---:");

    /// <summary>A centred column, for yes/no.</summary>
    public MarkdownTable Center(string header) => Column(header, ":---:");

    /// <exception cref="ArgumentException">The row has more or fewer cells than the table has columns.</exception>
    public MarkdownTable Row(params FormattableString[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Count)
        {
            throw new ArgumentException($"The table has {_columns.Count} columns, the row {cells.Length} cells.", nameof(cells));
        }

        _rows.Add([.. cells.Select(cell => cell.ToString(CultureInfo.InvariantCulture))]);
        return this;
    }

    /// <summary>The header, alignment and data rows, each ending in a new line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendRow(text, _columns.Select(column => column.Header));
        text.Append('|').AppendJoin('|', _columns.Select(column => column.Alignment)).AppendLine("|");
        foreach (var row in _rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");

    private MarkdownTable Column(string header, string alignment)
    {
        _columns.Add((header, alignment));
        return this;
    }
}
