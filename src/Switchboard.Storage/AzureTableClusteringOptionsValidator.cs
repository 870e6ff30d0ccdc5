using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>Checks <see cref="AzureTableClusteringOptions"/> when the silo or client starts.</summary>
public sealed partial class AzureTableClusteringOptionsValidator(AzureTableClusteringOptions options) : IConfigurationValidator
{
    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the offending setting.</summary>
    public void ValidateConfiguration()
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = "Azure Table clustering: ";
        if (options.TableServiceClient is null)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new OrleansConfigurationException(
                    prefix + $"set {nameof(AzureTableClusteringOptions.ConnectionString)} (e.g. 'UseDevelopmentStorage=true' for Azurite) or {nameof(AzureTableClusteringOptions.TableServiceClient)}.");
            }

            try
            {
                _ = new TableServiceClient(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The parser's message, never the connection string itself: it holds the account key.
                throw new OrleansConfigurationException(prefix + $"{nameof(AzureTableClusteringOptions.ConnectionString)} is not a valid Azure Storage connection string ({ex.Message}).", ex);
            }
        }

        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName) || string.Equals(options.TableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                prefix + $"{nameof(AzureTableClusteringOptions.TableName)} '{options.TableName}' is not a valid Azure table name (3 to 63 letters and digits, starting with a letter, not 'tables').");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
