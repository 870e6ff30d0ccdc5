using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>Checks <see cref="AzureTableGrainStorageOptions"/> when the silo starts, so a misconfiguration fails loudly and early.</summary>
public sealed partial class AzureTableGrainStorageOptionsValidator(AzureTableGrainStorageOptions options, string name) : IConfigurationValidator
{
    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the provider and the offending setting.</summary>
    public void ValidateConfiguration()
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"Azure Table grain storage '{name}': ";
        if (options.TableServiceClient is null)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new OrleansConfigurationException(
                    prefix + $"set {nameof(AzureTableGrainStorageOptions.ConnectionString)} (e.g. 'UseDevelopmentStorage=true' for Azurite) or {nameof(AzureTableGrainStorageOptions.TableServiceClient)}.");
            }

            try
            {
                _ = new TableServiceClient(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The message of the parser, never the connection string itself: it holds the account key.
                throw new OrleansConfigurationException(prefix + $"{nameof(AzureTableGrainStorageOptions.ConnectionString)} is not a valid Azure Storage connection string ({ex.Message}).", ex);
            }
        }

        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName) || string.Equals(options.TableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                prefix + $"{nameof(AzureTableGrainStorageOptions.TableName)} '{options.TableName}' is not a valid Azure table name (3 to 63 letters and digits, starting with a letter, not 'tables').");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            throw new OrleansConfigurationException(prefix + $"{nameof(AzureTableGrainStorageOptions.ServiceId)} must not be empty.");
        }

        if (options.MaxStateBytes is < 1 or > AzureTableGrainStorageOptions.MaxEntityBytes)
        {
            throw new OrleansConfigurationException(
                prefix + $"{nameof(AzureTableGrainStorageOptions.MaxStateBytes)} is {options.MaxStateBytes}; it must be between 1 and {AzureTableGrainStorageOptions.MaxEntityBytes} (Azure's entity limit; the default is {AzureTableGrainStorageOptions.DefaultMaxStateBytes}).");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
