using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Security;

/// <summary>
/// The "Auth" configuration section. With no keys, authentication is off and the host must listen on loopback
/// only (<see cref="LoopbackGuard"/> enforces it).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Shorter secrets could be guessed; the generated ones are 43 characters.</summary>
    public const int MinimumKeyLength = 16;

    public IList<ApiKeyEntry> Keys { get; } = new List<ApiKeyEntry>();

    public bool Enabled => Keys.Count > 0;

    // Data annotations do not walk into list items, so every entry is checked here.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Count; i++)
        {
            var entry = Keys[i];
            var where = $"{Section}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                yield return new ValidationResult($"{where}: Name is required.");
            }
            else if (!names.Add(entry.Name))
            {
                yield return new ValidationResult($"{where}: the name '{entry.Name}' is used by another key.");
            }

            if (entry.Key.Length < MinimumKeyLength)
            {
                yield return new ValidationResult($"{where} ('{entry.Name}'): Key must have at least {MinimumKeyLength} characters.");
            }
            else if (entry.Key.Trim() != entry.Key)
            {
                yield return new ValidationResult($"{where} ('{entry.Name}'): Key must not start or end with white space.");
            }
            else if (!secrets.Add(entry.Key))
            {
                yield return new ValidationResult($"{where} ('{entry.Name}'): the same Key is configured twice.");
            }

            if (entry.Roles.Count == 0)
            {
                yield return new ValidationResult($"{where} ('{entry.Name}'): Roles needs at least one of {string.Join(", ", ApiRoles.All)}.");
            }

            foreach (var role in entry.Roles.Where(role => !ApiRoles.All.Contains(role)))
            {
                yield return new ValidationResult($"{where} ('{entry.Name}'): unknown role '{role}'; the roles are {string.Join(", ", ApiRoles.All)}.");
            }
        }
    }
}
