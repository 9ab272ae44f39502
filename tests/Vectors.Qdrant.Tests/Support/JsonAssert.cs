using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baize.Vectors.Qdrant.Tests.Support;

internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The two JSON texts hold the same value (property order and whitespace aside; numbers by value).</summary>
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(expectedNode, actualNode))
        {
            // Shows both sides, so the failure says what differs.
            Assert.Equal(expectedNode?.ToJsonString(Indented), actualNode?.ToJsonString(Indented));
            Assert.Fail($"JSON differs:\nexpected {expected}\nactual   {actual}");
        }
    }
}
