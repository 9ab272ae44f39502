using System.Net;
using System.Net.Http.Json;
using Baize.SearchApi.Encoders;
using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;

namespace Baize.SearchApi.Tests.Encoders;

public sealed class EncodersApiTests
{
    [Fact]
    public async Task Shipped_encoders_are_served_for_all_four_modalities()
    {
        await using var factory = new SearchApiFactory(RepositoryPaths.ShippedModels);
        using var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var encoders = await client.GetFromJsonAsync<List<EncoderStatus>>("/v1/encoders", ct);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);

        Assert.NotNull(encoders);
        Assert.Equal(["text", "image", "audio", "video"], encoders.Select(e => e.Modality));
        Assert.All(encoders, e => Assert.Equal(128, e.Dimension));
        Assert.All(encoders, e => Assert.True(e.Parameters > 0));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Without_a_text_encoder_the_service_is_live_but_not_ready()
    {
        var empty = Directory.CreateTempSubdirectory("baize-no-models-");
        try
        {
            await using var factory = new SearchApiFactory(empty.FullName);
            using var client = factory.CreateClient();
            var ct = TestContext.Current.CancellationToken;

            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
            var encoders = await client.GetFromJsonAsync<List<EncoderStatus>>("/v1/encoders", ct);

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Empty(encoders!);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
