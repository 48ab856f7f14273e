namespace Dashboard.Web.Registry;

/// <summary>What an import did: the encoding it read, institutions registered or updated, and deactivated.</summary>
public sealed record RegistryImportResult(string Encoding, int Imported, int Deactivated);
