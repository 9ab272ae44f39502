using System.Globalization;

namespace Baize.BenchSupport;

/// <summary>The text given to one command-line option, with conversions whose errors name the option.</summary>
/// <param name="Name">The option, e.g. <c>--items</c>.</param>
public readonly record struct OptionValue(string Name, string Text)
{
    /// <exception cref="ArgumentException">The text is not a whole number above zero.</exception>
    public int Positive() => PositiveNumber(Text) ?? throw new ArgumentException($"{Name} needs a positive whole number, not '{Text}'.");

    /// <exception cref="ArgumentException">The text is not a whole number of zero or more.</exception>
    public int NonNegative() =>
        int.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{Name} needs a whole number, not '{Text}'.");

    /// <exception cref="ArgumentException">The text is not a finite number of zero or more.</exception>
    public double NonNegativeNumber() =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"{Name} needs a number ≥ 0, not '{Text}'.");

    /// <summary>Comma-separated whole numbers above zero, at least one.</summary>
    /// <exception cref="ArgumentException">A part is not a whole number above zero, or there is none.</exception>
    public IReadOnlyList<int> PositiveList()
    {
        var name = Name;
        int[] numbers = [.. Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => PositiveNumber(part) ?? throw new ArgumentException($"{name} needs positive whole numbers, not '{part}'."))];
        return numbers.Length > 0 ? numbers : throw new ArgumentException($"{Name} needs at least one number.");
    }

    private static int? PositiveNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
}
