namespace Dashboard.Web.Registry;

/// <summary>
/// What an import did, or with dryRun=true would do: the encoding it read, institutions registered or
/// updated, and deactivated (with their ids, up to 100).
/// </summary>
public sealed record RegistryImportResult(string Encoding, int Imported, int Deactivated, bool DryRun = false, string[]? DeactivatedIds = null);
