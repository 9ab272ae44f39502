namespace Baize.SearchApi;

/// <summary>Lets WebApplicationFactory find the entry point in functional tests.</summary>
public partial class Program;
