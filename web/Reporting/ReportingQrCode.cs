using QRCoder;

namespace Dashboard.Web.Reporting;

/// <summary>A reporting link as a QR code an admin prints and pins up beside the institution's phone.</summary>
public static class ReportingQrCode
{
    /// <summary>Medium error correction: a printed code survives a crease or a smudge.</summary>
    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
