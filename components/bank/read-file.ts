/** Reads a file as base64 (the decoder needs the exact bytes), reporting progress from 0 to 1. */
export function readFileAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result as ArrayBuffer);
      // String.fromCharCode takes its arguments on the stack; a few KB at a time stays well inside it.
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      onProgress(1);
      resolve(btoa(binary));
    };
    reader.readAsArrayBuffer(file);
  });
}
