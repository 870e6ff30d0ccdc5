using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting;

/// <summary>Reads and validates an options section at start-up, when Orleans builders need values before DI exists.</summary>
public static class OptionsReader
{
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"Configuration section '{section}' is invalid: {exception.Message}", exception);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Configuration section '{section}' is invalid: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
        }

        return options;
    }
}
