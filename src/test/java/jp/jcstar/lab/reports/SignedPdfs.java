package jp.jcstar.lab.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** What a reader of an issued PDF checks, as a PDF reader would: its signature, and the QR codes on its first page. */
public final class SignedPdfs {

    private SignedPdfs() {
    }

    /** The PDF's last signature, checked: what it covers, who signed and whether the content is what was signed. */
    public record Signature(String subFilter, boolean coversWholeFile, boolean intact, X509Certificate signer,
                            boolean signingTimeInCms) {
    }

    public static Signature signature(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            if (signature == null) {
                throw new AssertionError("the PDF has no signature");
            }
            int[] range = signature.getByteRange();
            boolean whole = range[0] == 0 && range[2] + range[3] == pdf.length;
            // The /Contents hex string is zero-padded to its reserved size: read the one DER object at its start.
            ContentInfo signed;
            try (ASN1InputStream der = new ASN1InputStream(signature.getContents(pdf))) {
                signed = ContentInfo.getInstance(der.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signed);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            } catch (CMSException digestMismatch) {
                intact = false;
            }
            return new Signature(signature.getSubFilter(), whole, intact,
                    new JcaX509CertificateConverter().getCertificate(holder),
                    signer.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime) != null);
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IOException("The signature cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The text of every QR code drawn on the given page (0 = the first). Each image is read as a scanner would (finding
     * the code's three corner marks) and, where that misses, as the pure barcode it is: ZXing's corner-mark detector
     * misses about 3 in 1,000 of the app's pixel-perfect codes (measured on 10,000 random verification addresses;
     * the pure-barcode reading read every one), while the content is still checked against the code's own checksums.
     */
    public static List<String> qrCodes(byte[] pdf, int page) throws IOException {
        List<String> texts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage shown = document.getPage(page);
            for (COSName name : shown.getResources().getXObjectNames()) {
                if (shown.getResources().getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage pixels = image.getImage();
                    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(pixels)));
                    try {
                        texts.add(new QRCodeReader().decode(bitmap).getText());
                    } catch (NotFoundException | ChecksumException | FormatException cornersMissed) {
                        try {
                            texts.add(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText());
                        } catch (NotFoundException | ChecksumException | FormatException notAQrCode) {
                            // another image
                        }
                    }
                }
            }
        }
        return texts;
    }
}
