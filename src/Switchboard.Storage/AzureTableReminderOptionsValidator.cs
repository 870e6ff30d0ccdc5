using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Orleans;
using Orleans.Runtime;

namespace Switchboard.Storage;

/// <summary>Checks <see cref="AzureTableReminderOptions"/> when the silo starts, so a misconfiguration fails loudly and early.</summary>
public sealed partial class AzureTableReminderOptionsValidator(AzureTableReminderOptions options) : IConfigurationValidator
{
    private const string Prefix = "Azure Table reminder table: ";

    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the offending setting.</summary>
    public void ValidateConfiguration()
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TableServiceClient is null)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new OrleansConfigurationException(
                    Prefix + $"set {nameof(AzureTableReminderOptions.ConnectionString)} (e.g. 'UseDevelopmentStorage=true' for Azurite) or {nameof(AzureTableReminderOptions.TableServiceClient)}.");
            }

            try
            {
                _ = new TableServiceClient(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The message of the parser, never the connection string itself: it holds the account key.
                throw new OrleansConfigurationException(Prefix + $"{nameof(AzureTableReminderOptions.ConnectionString)} is not a valid Azure Storage connection string ({ex.Message}).", ex);
            }
        }

        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName) || string.Equals(options.TableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new OrleansConfigurationException(
                Prefix + $"{nameof(AzureTableReminderOptions.TableName)} '{options.TableName}' is not a valid Azure table name (3 to 63 letters and digits, starting with a letter, not 'tables').");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            throw new OrleansConfigurationException(Prefix + $"{nameof(AzureTableReminderOptions.ServiceId)} must not be empty.");
        }

        if (ReminderRowKeys.PartitionPrefix(options.ServiceId).Length + ReminderRowKeys.HashDigits > TableKeyEncoder.MaxKeyLength)
        {
            throw new OrleansConfigurationException(
                Prefix + $"{nameof(AzureTableReminderOptions.ServiceId)} is too long: encoded with the grain hash it must fit in {TableKeyEncoder.MaxKeyLength} characters.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
