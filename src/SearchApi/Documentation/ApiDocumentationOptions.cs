using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Documentation;

/// <summary>The "ApiDocumentation" section: the OpenAPI document and the interactive reference at /docs.</summary>
public sealed class ApiDocumentationOptions
{
    public const string Section = "ApiDocumentation";

    /// <summary>False maps neither /openapi/v1.json nor /docs, for deployments that publish no API description.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    public string Title { get; set; } = "Baize search API";
}
