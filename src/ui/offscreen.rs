//! egui's output drawn into a texture with wgpu, no window and no display, and read back as
//! pixels: what `goroscope screenshot` writes. The adapter is whatever wgpu finds (honouring
//! `WGPU_BACKEND`); on a machine without a GPU that is Mesa's software Vulkan (lavapipe).
//! When there is none, [`Offscreen::new`] says so instead of panicking.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::Duration;

use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};

/// How long one frame may take on the GPU: a software renderer on a busy machine is slow, but
/// a device that never answers must not hang the command.
const GPU_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Offscreen {
    state: RenderState,
}

impl Offscreen {
    /// A device to draw on, or why none could be had (no adapter, no device, a driver that
    /// panicked while probing).
    pub fn new() -> Result<Offscreen, String> {
        let created = catch_unwind(AssertUnwindSafe(|| {
            let setup = egui_wgpu::WgpuSetup::without_display_handle();
            let instance = pollster::block_on(setup.new_instance());
            let config = egui_wgpu::WgpuConfiguration { wgpu_setup: setup, ..Default::default() };
            // Predictable: no dithering and no MSAA, so the same input gives the same pixels.
            let options = egui_wgpu::RendererOptions::PREDICTABLE;
            pollster::block_on(RenderState::create(&config, &instance, None, options))
        }));
        match created {
            Ok(Ok(state)) => Ok(Offscreen { state }),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err("the graphics driver failed while starting".into()),
        }
    }

    /// The adapter in use, for messages: "llvmpipe (LLVM 19.1.7, 256 bits) (Vulkan)".
    pub fn adapter(&self) -> String {
        let info = self.state.adapter.get_info();
        format!("{} ({:?})", info.name, info.backend)
    }

    pub fn max_texture_side(&self) -> usize {
        self.state.device.limits().max_texture_dimension_2d as usize
    }

    /// Uploads and frees egui's textures (the font atlas, images): every frame's delta, in
    /// order, or later frames draw with missing glyphs.
    pub fn update_textures(&mut self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        for (id, images) in delta.set.drain() {
            for image in &images {
                renderer.update_texture(&self.state.device, &self.state.queue, id, image);
            }
        }
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    /// Draws `output` (of a frame of `ctx`) into a `size` pixel picture.
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        mut output: egui::FullOutput,
        size: [u32; 2],
    ) -> Result<egui::ColorImage, String> {
        self.update_textures(&mut output.textures_delta);
        let (device, queue) = (&self.state.device, &self.state.queue);
        let screen = ScreenDescriptor { size_in_pixels: size, pixels_per_point: output.pixels_per_point };
        let jobs = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("goroscope screenshot"),
            size: wgpu::Extent3d { width: size[0], height: size[1], depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor::default());
        let mut renderer = self.state.renderer.write();
        let extra = renderer.update_buffers(device, queue, &mut encoder, &jobs, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("goroscope screenshot"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        // Opaque black under the panels, which cover the window: the PNG has
                        // no transparent pixels.
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &jobs, &screen);
        }
        drop(renderer);
        // Copy into a buffer whose rows are padded to wgpu's alignment.
        let row = size[0] * 4;
        let padded = row.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT) * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("goroscope screenshot readback"),
            size: u64::from(padded) * u64::from(size[1]),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d { width: size[0], height: size[1], depth_or_array_layers: 1 },
        );
        let submitted = queue.submit(extra.into_iter().chain(std::iter::once(encoder.finish())));
        let (tx, rx) = mpsc::channel();
        buffer.slice(..).map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
        device
            .poll(wgpu::PollType::Wait { submission_index: Some(submitted), timeout: Some(GPU_TIMEOUT) })
            .map_err(|e| format!("the GPU did not finish: {e}"))?;
        rx.recv_timeout(GPU_TIMEOUT)
            .map_err(|_| "the GPU did not hand the picture back".to_string())?
            .map_err(|e| format!("cannot read the picture back: {e}"))?;
        let slice = buffer.slice(..);
        let mapped = slice.get_mapped_range().map_err(|e| format!("cannot read the picture back: {e}"))?;
        let pixels: Vec<u8> =
            mapped.chunks_exact(padded as usize).flat_map(|r| &r[..row as usize]).copied().collect();
        let image = egui::ColorImage::from_rgba_premultiplied([size[0] as usize, size[1] as usize], &pixels);
        Ok(image)
    }
}
