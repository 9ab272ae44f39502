using Baize.SearchApi.Security;
using Microsoft.Extensions.Configuration;

namespace Baize.SearchApi.Tests.Security;

public sealed class LoopbackBindingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("https://LOCALHOST")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.0.0.2:8080/base")]
    public void Loopback_urls_are_accepted(string url) => Assert.True(LoopbackBinding.IsLoopback(url));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://+:80")]
    [InlineData("http://*:80")]
    [InlineData("http://[::]:80")]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://search.example:80")]
    public void Wildcard_and_other_hosts_are_refused(string url) => Assert.False(LoopbackBinding.IsLoopback(url));

    [Fact]
    public void Configured_urls_come_from_urls_ports_and_kestrel_endpoints()
    {
        var portsOnly = Configuration(("http_ports", "8080"));
        var urlsWin = Configuration(("urls", "http://127.0.0.1:1;http://localhost:2"), ("http_ports", "8080"), ("Kestrel:Endpoints:Public:Url", "http://0.0.0.0:3"));

        Assert.Equal(["http://*:8080"], LoopbackBinding.ConfiguredUrls(portsOnly));
        Assert.Equal(["http://127.0.0.1:1", "http://localhost:2", "http://0.0.0.0:3"], LoopbackBinding.ConfiguredUrls(urlsWin));
    }

    [Fact]
    public void Loopback_only_is_required_exactly_when_no_key_is_configured()
    {
        Assert.True(ApiSecurity.RequiresLoopbackOnly(Configuration()));
        Assert.False(ApiSecurity.RequiresLoopbackOnly(new ConfigurationBuilder().AddInMemoryCollection(TestApiHost.WithKeys()).Build()));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://+:80")]
    public async Task Without_keys_the_host_refuses_to_start_on_a_public_address(string url)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApiHost.StartAsync([new("urls", url)]));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keys_the_host_refuses_the_http_ports_shortcut()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestApiHost.StartAsync([new("urls", ""), new("http_ports", "8080")]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public async Task Without_keys_the_host_starts_on_loopback(string url)
    {
        await using var app = await TestApiHost.StartAsync([new("urls", url)]);
    }

    [Fact]
    public async Task With_keys_the_host_may_listen_on_every_interface()
    {
        var settings = TestApiHost.WithKeys();
        settings["urls"] = "http://0.0.0.0:5080";

        await using var app = await TestApiHost.StartAsync(settings);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
