/** Reads a QR code with the camera, where the browser has BarcodeDetector and getUserMedia. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox, useI18n } from './ui';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | null {
  const c = (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof c === 'function' ? (c as BarcodeDetectorClass) : null;
}

/** True once the browser is known to read QR codes from the camera. */
export function useCanScan(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    let live = true;
    const Detector = detectorClass();
    if (!Detector || typeof navigator.mediaDevices?.getUserMedia !== 'function') return;
    const formats = Detector.getSupportedFormats ? Detector.getSupportedFormats() : Promise.resolve(['qr_code']);
    formats
      .then((f) => {
        if (live) setCan(f.includes('qr_code'));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return can;
}

/**
 * The camera view. Calls `onText` with each QR code's text; the caller says whether it was the
 * expected kind (true stops the camera). The camera stops when this closes.
 */
export function QrScanner(props: { onText: (text: string) => boolean; onClose: () => void; wrongKind: string }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [wrong, setWrong] = useState(false);
  const onText = useRef(props.onText);
  onText.current = props.onText;

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const Detector = detectorClass();
    const stop = () => {
      live = false;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
      if (video.current) video.current.srcObject = null;
    };
    if (!Detector) {
      setError(t('scan-unavailable'));
      return stop;
    }
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (!live || !video.current) return;
      try {
        if (video.current.readyState >= 2) {
          for (const code of await detector.detect(video.current)) {
            if (!live) return;
            if (onText.current(code.rawValue)) {
              stop();
              return;
            }
            setWrong(true);
          }
        }
      } catch {
        /* a frame that could not be read */
      }
      if (live) timer = setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (!live) {
          s.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          await video.current.play().catch(() => undefined);
        }
        void tick();
      })
      .catch(() => {
        if (live) setError(t('scan-denied'));
      });
    return stop;
  }, []);

  return (
    <div class="scanner stack">
      <video ref={video} muted playsInline aria-label={t('scan-video-label')} />
      <p class="hint" aria-live="polite">
        {wrong ? props.wrongKind : t('scan-help')}
      </p>
      <ErrorBox message={error} />
      <button type="button" class="secondary" onClick={props.onClose}>
        {t('scan-stop')}
      </button>
    </div>
  );
}
