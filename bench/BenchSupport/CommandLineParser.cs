namespace Baize.BenchSupport;

/// <summary>
/// A benchmark's command line: options that take the next argument as their value, flags, and <c>--help</c> (or
/// <c>-h</c>), which ends parsing. Each option's handler returns the arguments with that option applied; an option
/// given twice is applied twice, so the last one wins unless the handler accumulates.
/// </summary>
public sealed class CommandLineParser<TArguments>
{
    private readonly Func<TArguments, TArguments> _help;
    private readonly Dictionary<string, Func<TArguments, OptionValue, TArguments>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<TArguments, TArguments>> _flags = new(StringComparer.Ordinal);

    /// <param name="help">Marks the arguments parsed so far as asking for help.</param>
    public CommandLineParser(Func<TArguments, TArguments> help)
    {
        ArgumentNullException.ThrowIfNull(help);
        _help = help;
    }

    /// <summary>An option followed by its value, e.g. <c>--items 300</c>.</summary>
    public CommandLineParser<TArguments> Value(string option, Func<TArguments, OptionValue, TArguments> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _values.Add(option, apply);
        return this;
    }

    /// <summary>An option on its own, e.g. <c>--generate</c>.</summary>
    public CommandLineParser<TArguments> Flag(string option, Func<TArguments, TArguments> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        _flags.Add(option, apply);
        return this;
    }

    /// <param name="defaults">The arguments when no option is given.</param>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has an unusable value.</exception>
    public TArguments Parse(IReadOnlyList<string> args, TArguments defaults)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = defaults;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--help" or "-h")
            {
                return _help(result);
            }

            if (_flags.TryGetValue(option, out var flag))
            {
                result = flag(result);
                continue;
            }

            if (!_values.TryGetValue(option, out var apply))
            {
                throw new ArgumentException($"Unknown option '{option}'.");
            }

            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{option} needs a value.");
            result = apply(result, new OptionValue(option, value));
        }

        return result;
    }
}
