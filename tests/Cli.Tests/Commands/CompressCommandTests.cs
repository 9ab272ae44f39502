using Baize.Cli.Commands;

namespace Baize.Cli.Tests.Commands;

public sealed class CompressCommandTests
{
    [Theory]
    [InlineData("--modality", "sound", "--modality must be text, image, audio or video")]
    [InlineData("--target", "1x", "--target must be a number above 1")]
    [InlineData("--target", "0.5", "--target must be a number above 1")]
    [InlineData("--target", "NaNx", "--target must be a number above 1")]
    [InlineData("--target", "four", "--target must be a number above 1")]
    [InlineData("--steps", "0", "--steps must be at least 1")]
    [InlineData("--batch", "1", "--batch must be at least 2")]
    [InlineData("--method", "magic", "--method must be dean, joint, prune, kd or scratch")]
    [InlineData("--method", "7", "--method must be dean, joint, prune, kd or scratch")]
    public void Invalid_options_are_refused_before_anything_runs(string option, string value, string expected)
    {
        string[] arguments = option == "--modality" ? [option, value] : ["--modality", "image", option, value];

        var result = CompressCommand.Create().Parse(arguments);

        Assert.Contains(result.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_modality_is_refused()
    {
        var result = CompressCommand.Create().Parse(["--target", "4x"]);

        Assert.Contains(result.Errors, error => error.Message.Contains("--modality", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("4x")]
    [InlineData("8")]
    [InlineData("2.5X")]
    public void Valid_targets_parse(string target)
    {
        var result = CompressCommand.Create().Parse(["--modality", "video", "--target", target, "--method", "prune"]);

        Assert.Empty(result.Errors);
    }
}
